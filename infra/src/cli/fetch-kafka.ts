import { ensureKafkaJars } from '../kafka/jars.js';

console.log(`Kafka jars ready in ${ensureKafkaJars()}`);
