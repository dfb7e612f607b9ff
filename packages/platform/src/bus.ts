import { createEventBus, type EventBus } from '@resettle/messaging';
import type { Logger } from 'pino';
import { brokerList, kafkaSecurity, type PlatformConfig } from './config.js';

/** The bus as every process of a service builds it from its config: its brokers, and the namespace it lives in. */
export function eventBusFor(config: PlatformConfig, clientId: string, logger: Logger): EventBus {
  return createEventBus({
    brokers: brokerList(config),
    clientId,
    logger,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    namespace: config.KAFKA_TOPIC_PREFIX,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    retentionMs: config.KAFKA_TOPIC_RETENTION_MS,
    security: kafkaSecurity(config),
  });
}
