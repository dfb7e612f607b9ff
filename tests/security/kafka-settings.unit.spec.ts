import { Writable } from 'node:stream';
import { kafkaSecurity, loadConfig, loggerOptions } from '@resettle/platform';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { settings } from '../../services/accommodation/src/app.js';

const base = { DATABASE_URL: 'postgres://db', KAFKA_BROKERS: 'kafka:9092', JWT_SECRET: 'k'.repeat(32) };
const load = (env: Record<string, string>) => loadConfig(settings, { ...base, ...env });
const sasl = {
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'accommodation',
  KAFKA_SASL_PASSWORD: 'canary-kafka-password',
};

describe('Kafka security settings', () => {
  it('is PLAINTEXT with nothing set, and keeps topics 30 days', () => {
    const config = load({});
    expect(kafkaSecurity(config)).toBeUndefined();
    expect(config.KAFKA_TOPIC_RETENTION_MS).toBe(30 * 24 * 60 * 60 * 1_000);
  });

  it('passes SASL/SCRAM and TLS with a CA on', () => {
    const config = load({ ...sasl, KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: '/etc/kafka/ca.pem' });
    expect(kafkaSecurity(config)).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'accommodation', password: 'canary-kafka-password' },
      tls: { caFile: '/etc/kafka/ca.pem' },
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a user without a password', { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'a' }, /go together/],
    ['a CA without TLS', { KAFKA_TLS_CA_FILE: '/ca.pem' }, /needs KAFKA_TLS=true/],
    ['an unknown mechanism', { ...sasl, KAFKA_SASL_MECHANISM: 'plain' }, /KAFKA_SASL_MECHANISM/],
  ])('refuses to start with %s', (_name, env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('never writes the password to a log line', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino(loggerOptions('accommodation', 'info'), sink);
    const config = load(sasl);
    logger.info({ KAFKA_SASL_PASSWORD: config.KAFKA_SASL_PASSWORD }, 'settings');
    logger.info({ sasl: kafkaSecurity(config)?.sasl }, 'kafka');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain('canary-kafka-password');
  });
});
