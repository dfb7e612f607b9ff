import type { KafkaSecurity } from '@resettle/messaging';
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { envSchema } from 'env-schema';
import { TokenSettings, tokenTrust } from './config-tokens.js';
import { type DatabaseTimeouts, DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from './db.js';
import type { HttpTimeouts } from './http/server.js';
import { checkRetention, PrivacySettings } from './privacy/settings.js';

export const PlatformConfigSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 0 }),
  DATABASE_URL: Type.String({
    minLength: 1,
    description:
      "the service's run-time connection: a role that reads and writes its tables and only appends to the audit log",
  }),
  DATABASE_OWNER_URL: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "the owner role's connection: migrations, and granting DATABASE_URL's role its privileges (docs/operations.md)",
    }),
  ),
  KAFKA_BROKERS: Type.String({ minLength: 1, description: 'comma-separated host:port list' }),
  KAFKA_TOPIC_PREFIX: Type.String({ default: '' }),
  KAFKA_REPLICATION_FACTOR: Type.Integer({
    minimum: 1,
    maximum: 7,
    default: 1,
    description: 'copies of each partition of the topics a service creates (3 on a cluster of three brokers)',
  }),
  KAFKA_SESSION_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 300_000,
    default: 6_000,
    description: "how soon a silent consumer's partitions move; not below the broker's group.min.session.timeout.ms",
  }),
  KAFKA_TOPIC_RETENTION_MS: Type.Integer({
    minimum: -1,
    default: 30 * 24 * 60 * 60 * 1_000,
    description: 'retention.ms of the topics a service creates (30 days; -1 keeps them forever)',
  }),
  KAFKA_SASL_MECHANISM: Type.Optional(
    Type.Union([Type.Literal('scram-sha-256'), Type.Literal('scram-sha-512')], {
      description: 'SASL/SCRAM towards the brokers; with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    }),
  ),
  KAFKA_SASL_USERNAME: Type.Optional(Type.String({ minLength: 1 })),
  KAFKA_SASL_PASSWORD: Type.Optional(Type.String({ minLength: 1, description: 'never logged' })),
  KAFKA_TLS: Type.Boolean({ default: false, description: 'TLS to the brokers' }),
  KAFKA_TLS_CA_FILE: Type.Optional(Type.String({ minLength: 1, description: 'a PEM CA to trust for the brokers' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    {
      default: 'info',
    },
  ),
  ...TokenSettings.properties,
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(
    Type.String({ minLength: 1, description: "an OpenTelemetry collector's base URL; traces are off without it" }),
  ),
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 300_000,
    default: 10_000,
    description: 'the whole request, headers and body, must arrive within this, else 408 and the connection closed',
  }),
  HTTP_HANDLER_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 300_000,
    default: 30_000,
    description: 'an answer not ready within this is a 503',
  }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: DEFAULT_STATEMENT_TIMEOUT_MS,
    description: "PostgreSQL statement_timeout on the service's connections",
  }),
  DB_POOL_MAX: Type.Integer({
    minimum: 2,
    maximum: 100,
    default: 10,
    description: "connections in the service's pool (each instance also holds one to hear the outbox's NOTIFY)",
  }),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: Type.Integer({
    minimum: 1_000,
    maximum: 3_600_000,
    default: DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    description: "PostgreSQL idle_in_transaction_session_timeout on the service's connections",
  }),
  AUDIT_CHAIN_INTERVAL_MS: Type.Integer({
    minimum: 10,
    maximum: 60_000,
    default: 200,
    description: 'how often audit rows written since are chained (they wait unchained about this long after commit)',
  }),
  AUDIT_WITNESS_SECONDS: Type.Integer({
    minimum: 0,
    default: 900,
    description:
      "how often the audit chain's head is logged when it has moved, as a witness kept outside the database (0: never)",
  }),
  ...PrivacySettings.properties,
});

export type PlatformConfig = Static<typeof PlatformConfigSchema>;

/**
 * Reads and validates the environment at start-up; a missing or malformed setting stops the service with its name.
 * `serving: false` is for a one-off process of the service that answers no requests (a rebuild): it trusts no tokens.
 */
export function loadConfig<T extends TProperties>(
  serviceSettings: TObject<T>,
  env: NodeJS.ProcessEnv = process.env,
  { serving = true }: { serving?: boolean } = {},
): PlatformConfig & Static<TObject<T>> {
  const schema = Type.Composite([PlatformConfigSchema, serviceSettings]);
  const config = envSchema({ schema, data: env, dotenv: false }) as PlatformConfig & Static<TObject<T>>;
  if (serving) tokenTrust(config);
  kafkaSecurity(config); // a half-given SASL or TLS setting stops the service here, not at its first message
  checkRetention(config);
  return config;
}

export function brokerList(config: PlatformConfig): string[] {
  return config.KAFKA_BROKERS.split(',').map((broker) => broker.trim());
}

/** TLS and SASL/SCRAM towards the brokers, from the KAFKA_* settings (a half-given SASL setting stops the service). */
export function kafkaSecurity(config: PlatformConfig): KafkaSecurity | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  const given = [mechanism, username, password].filter((value) => value !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new Error('KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together');
  }
  if (config.KAFKA_TLS_CA_FILE && !config.KAFKA_TLS) throw new Error('KAFKA_TLS_CA_FILE needs KAFKA_TLS=true');
  const security: KafkaSecurity = {};
  if (mechanism && username && password) security.sasl = { mechanism, username, password };
  if (config.KAFKA_TLS) security.tls = config.KAFKA_TLS_CA_FILE ? { caFile: config.KAFKA_TLS_CA_FILE } : {};
  return security.sasl || security.tls ? security : undefined;
}

export function databaseTimeouts(config: PlatformConfig): DatabaseTimeouts & { max: number } {
  return {
    max: config.DB_POOL_MAX,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

export function httpTimeouts(config: PlatformConfig): HttpTimeouts {
  return { requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS, handlerTimeoutMs: config.HTTP_HANDLER_TIMEOUT_MS };
}
