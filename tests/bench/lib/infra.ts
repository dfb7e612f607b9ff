import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabaseIfMissing,
  dockerEngineAvailable,
  dropDatabase,
  freePort,
  LocalKafkaBroker,
  repoRoot,
  resolvePostgres,
  stopProcess,
} from '@resettle/infra';
import { createEventBus, type EventBus } from '@resettle/messaging';
import pino from 'pino';
import { cleanLeftovers, onCleanup, remember } from './cleanup.js';

export interface Infra {
  broker: LocalKafkaBroker;
  brokers: string;
  postgresUrl: string;
  postgresOrigin: string;
  runId: string;
  /** The checkout whose services run: this one, or a git ref's worktree under `--compare`. */
  root: string;
  /** What `root` is, in the report: "working tree" or the ref. */
  side: string;
  freshDatabase(label: string): Promise<string>;
  bus(clientId: string): EventBus;
}

const silent = pino({ level: 'silent' });

/** The command line of a live process (empty when gone), so a recycled pid is never stopped by mistake. */
export function commandLineOfPid(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** A broker of our own (temp dir, free port), PostgreSQL as the repo resolves it; all stopped by cleanupAll. */
export async function startInfra(): Promise<Infra> {
  await cleanLeftovers(async (pid, match) => {
    if (commandLineOfPid(pid).includes(match)) await stopProcess(pid, 10_000);
  }, dropDatabase);
  const runId = `bench_${Date.now().toString(36)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'resettle-bench-kafka-'));
  remember.dir(dataDir);
  const broker = await LocalKafkaBroker.create(dataDir, await freePort());
  onCleanup('kafka broker', async () => {
    await broker.stop();
    broker.removeData();
  });
  const brokerStart = broker.start(90_000);
  const postgres = await resolvePostgres({ dockerAvailable: !process.env.DATABASE_URL && dockerEngineAvailable() });
  onCleanup('postgres', () => postgres.stop());
  await brokerStart;
  if (broker.pid) remember.pid(broker.pid, 'kafka.Kafka');
  return {
    broker,
    brokers: broker.brokers,
    postgresUrl: postgres.url,
    postgresOrigin: postgres.origin,
    runId,
    root: repoRoot,
    side: 'working tree',
    async freshDatabase(label) {
      const name = `${runId}_${label.replace(/[^a-z0-9]/g, '_')}`;
      const url = await createDatabaseIfMissing(postgres.url, name);
      remember.database(postgres.url, name);
      onCleanup(`database ${name}`, () => dropDatabase(postgres.url, name));
      return url;
    },
    bus(clientId) {
      const bus = createEventBus({ brokers: [broker.brokers], clientId, logger: silent });
      onCleanup(`bus ${clientId}`, () => bus.close());
      return bus;
    },
  };
}
