import { topicAccess } from '@resettle/contracts';
import pino, { type Logger } from 'pino';
import { createEventBus, grantTopicAccess, type KafkaSecurity } from './kafka.js';

/** SASL/SCRAM-SHA-512 as `user` over TLS, trusting `caFile`: how every client reaches our secured local brokers. */
export function scramOverTls(user: { name: string; password: string }, caFile: string): KafkaSecurity {
  return { sasl: { mechanism: 'scram-sha-512', username: user.name, password: user.password }, tls: { caFile } };
}

/** The SASL users a broker with ACLs needs besides its admin: one per service in the contracts' access table. */
export function servicePrincipals(): string[] {
  return topicAccess().map((access) => access.service);
}

/**
 * As the admin of a broker with ACLs: creates every topic of the contracts' access table that is missing (in
 * `namespace`, with the bus's replication and `retention.ms`), then grants each service principal its topics and
 * group (literal ACLs on the namespaced names) and the groups its rebuild makes (prefixed ACLs). Services then find
 * their topics made and need no Create permission.
 */
export async function provisionServiceAccess(options: {
  brokers: string[];
  admin: KafkaSecurity;
  logger?: Logger;
  namespace?: string;
  replicationFactor?: number;
  retentionMs?: number;
}): Promise<void> {
  const access = topicAccess();
  const namespace = options.namespace ?? '';
  const logger = options.logger ?? pino({ level: 'silent' });
  const bus = createEventBus({
    brokers: options.brokers,
    clientId: 'provision',
    logger,
    namespace,
    security: options.admin,
    ...(options.replicationFactor === undefined ? {} : { replicationFactor: options.replicationFactor }),
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
  });
  try {
    await bus.ensureTopics([...new Set(access.flatMap((entry) => [...entry.produces, ...entry.consumes]))]);
  } finally {
    await bus.close();
  }
  const physical = (names: string[]) => names.map((name) => `${namespace}${name}`);
  await grantTopicAccess(
    { brokers: options.brokers, security: options.admin, logger },
    access.map((entry) => ({
      principal: entry.service,
      produces: physical(entry.produces),
      consumes: physical(entry.consumes),
      groups: physical(entry.groups),
      groupPrefixes: physical(entry.groupPrefixes),
    })),
  );
}
