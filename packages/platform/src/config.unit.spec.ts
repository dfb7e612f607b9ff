import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const required = { DATABASE_URL: 'postgres://db', KAFKA_BROKERS: 'kafka:9092', JWT_SECRET: 'k'.repeat(32) };
const load = (env: Record<string, string>) => loadConfig(Type.Object({}), { ...required, ...env });

describe('the Kafka consumer session setting', () => {
  it('defaults to 6 s, the usual broker minimum, and takes a shorter one where the broker allows it', () => {
    expect(load({}).KAFKA_SESSION_TIMEOUT_MS).toBe(6_000);
    expect(load({ KAFKA_SESSION_TIMEOUT_MS: '3000' }).KAFKA_SESSION_TIMEOUT_MS).toBe(3_000);
  });

  it('refuses a value no broker accepts, naming the setting', () => {
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: '500' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: 'soon' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });
});

describe('the Kafka replication setting', () => {
  it('keeps one copy unless told, and three on a cluster', () => {
    expect(load({}).KAFKA_REPLICATION_FACTOR).toBe(1);
    expect(load({ KAFKA_REPLICATION_FACTOR: '3' }).KAFKA_REPLICATION_FACTOR).toBe(3);
    expect(() => load({ KAFKA_REPLICATION_FACTOR: '0' })).toThrow(/KAFKA_REPLICATION_FACTOR/);
  });
});

describe('the timeout settings', () => {
  it('default to 10 s for a request to arrive, 30 s for its answer, 15 s a statement, 60 s idle in a transaction', () => {
    expect(load({})).toMatchObject({
      HTTP_REQUEST_TIMEOUT_MS: 10_000,
      HTTP_HANDLER_TIMEOUT_MS: 30_000,
      DB_STATEMENT_TIMEOUT_MS: 15_000,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 60_000,
    });
  });

  it.each(['HTTP_REQUEST_TIMEOUT_MS', 'HTTP_HANDLER_TIMEOUT_MS', 'DB_STATEMENT_TIMEOUT_MS'])(
    'refuses %s of zero (no limit), naming the setting',
    (name) => {
      expect(() => load({ [name]: '0' })).toThrow(new RegExp(name));
    },
  );
});
