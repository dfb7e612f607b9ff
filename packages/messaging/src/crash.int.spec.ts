import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eventually, testInfra } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledEvent, createHarness, effectRows, type Harness } from './test-support/harness.js';

const script = fileURLToPath(new URL('./test-support/crashing-consumer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const started: ChildProcess[] = [];

describe('a consumer process killed between its database commit and its offset commit', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness('crash');
  });
  afterAll(async () => {
    for (const child of started) child.kill('SIGKILL'); // a consumer that never reached its crash point
    await harness.close();
  });

  it('gets the events again on restart and applies each exactly once', async () => {
    const events = Array.from({ length: 40 }, (_, index) => cancelledEvent('A1000AA', `n${index}`));
    await harness.bus.send(
      harness.topic,
      events.map((event) => ({ key: event.personId, value: JSON.stringify(event) })),
    );
    const env = {
      ...process.env,
      DATABASE_URL: harness.database.url,
      KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
      TOPIC: harness.topic,
      DLQ_TOPIC: 'dlq',
      NAMESPACE: harness.prefix,
      GROUP_ID: `crash-${randomUUID()}`,
    };
    const crashed = await runConsumer({ ...env, CRASH_AFTER_NOTE: 'n25' }, 'exit');
    expect(crashed).toBe('SIGKILL');
    const applied = await effectRows(harness.sql);
    expect(applied.length).toBeGreaterThanOrEqual(26); // n0..n25 committed before the crash

    const survivor = fork(script, {
      env: { ...env, CRASH_AFTER_NOTE: 'never' },
      execArgv: ['--import', 'tsx'],
      cwd: repoRoot,
    });
    try {
      await eventually(async () => expect(await effectRows(harness.sql)).toHaveLength(40), 60_000, 200);
      await new Promise((resolveWait) => setTimeout(resolveWait, 1_000)); // any duplicate would land by now
      const rows = await effectRows(harness.sql);
      expect(rows.map((row) => row.note)).toEqual(events.map((_, index) => `n${index}`));
    } finally {
      survivor.kill('SIGKILL');
    }
  }, 120_000);
});

function runConsumer(env: NodeJS.ProcessEnv, until: 'exit'): Promise<NodeJS.Signals | null> {
  return new Promise((resolveRun) => {
    const child = fork(script, { env, execArgv: ['--import', 'tsx'], cwd: repoRoot });
    started.push(child);
    child.on(until, (_code, signal) => resolveRun(signal));
  });
}
