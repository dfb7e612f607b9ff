import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalKafkaBroker } from './broker.js';
import { clustersUnder } from './cluster.js';

describe("the Kafka nodes a test run's folder holds", () => {
  const runDir = mkdtempSync(join(tmpdir(), 'resettle-run-'));
  afterEach(() => rmSync(runDir, { recursive: true, force: true }));

  it('finds a lone broker of a test file as well as a cluster, so an interrupted run can stop both', () => {
    const clusterDir = join(runDir, 'leader-kill-a1b2c3');
    mkdirSync(clusterDir, { recursive: true });
    const node = (n: number) => ({
      dataDir: join(clusterDir, `node-${n}`),
      port: 19_090 + n,
      controllerPort: 19_190 + n,
    });
    writeFileSync(join(clusterDir, 'cluster.json'), JSON.stringify({ clusterId: 'x', nodes: [node(1), node(2)] }));
    LocalKafkaBroker.saved({ dataDir: join(runDir, 'relay-crash-d4e5f6'), port: 19_300, controllerPort: 19_301 });
    writeFileSync(join(runDir, 'not-kafka.txt'), 'a stray file');

    const found = clustersUnder(runDir)
      .map((cluster) => cluster.brokers)
      .sort();

    expect(found).toEqual(['127.0.0.1:19091,127.0.0.1:19092', '127.0.0.1:19300']);
  });
});
