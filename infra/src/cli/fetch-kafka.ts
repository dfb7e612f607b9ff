import { ensureKafkaJars } from '../kafka/jars.js';
import { commandLine } from './args.js';
import { fetchKafkaUsage, parseFetchKafkaArgs } from './fetch-kafka-args.js';

commandLine(fetchKafkaUsage, parseFetchKafkaArgs);
console.log(`Kafka jars ready in ${ensureKafkaJars()}`);
