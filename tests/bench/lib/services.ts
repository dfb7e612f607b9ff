import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  builtSpecs,
  freePort,
  LOCAL_BROKER_SESSION_TIMEOUT_MS,
  nodeArgsFor,
  type ServiceSpec,
  spawnService,
  stopProcess,
  waitUntilReady,
} from '@resettle/infra';
import { type Caller, localTokenIssuer } from '@resettle/platform';
import { onCleanup, remember } from './cleanup.js';
import type { Infra } from './infra.js';

export type ServiceName = 'release-scheduling' | 'treatment-continuity' | 'accommodation' | 'transport' | 'passport';

export interface Service {
  name: ServiceName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ConsumerHealth {
  lag: number;
  applied?: number;
  duplicates?: number;
  deadLettered?: number;
  outboxPending: number;
}

export const LOG_DIR = join(import.meta.dirname, '..', 'results', 'logs');
const secret = randomBytes(32).toString('hex');
export const tokenFor: (caller: Caller) => string = localTokenIssuer({ secret });

/** A service's process, or why it cannot run: missing from this checkout, or not ready in time. */
export async function startService(
  infra: Infra,
  name: ServiceName,
  topicPrefix: string,
  options: { label: string; env?: Record<string, string>; nodeArgs?: string[] },
): Promise<Service | string> {
  const source = join(infra.root, 'services', name, 'src', 'main.ts');
  if (!existsSync(source)) return `services/${name}/src/main.ts does not exist yet`;
  // The built JavaScript, as production runs it (rebuilt first if older than its sources).
  const [spec] = await builtSpecs([{ name, port: 0, database: '', entry: source }], infra.root);
  if (!spec) throw new Error(`no build of ${name}`);
  const env = {
    DATABASE_URL: options.env?.DATABASE_URL ?? (await infra.freshDatabase(`${options.label}_${name}`)),
    KAFKA_BROKERS: infra.brokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    JWT_SECRET: secret,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RISK_SWEEP_SECONDS: '0',
    KAFKA_SESSION_TIMEOUT_MS: String(LOCAL_BROKER_SESSION_TIMEOUT_MS),
    ...options.env,
  };
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${options.label}-${name}.log`));
  const port = await freePort();
  const running = options.nodeArgs
    ? spawnWithNodeArgs({ ...spec, port }, env, options.nodeArgs, log, infra.root)
    : spawnService({ ...spec, port }, env, (line) => log.write(`${line}\n`));
  const pid = running.child.pid ?? 0;
  remember.pid(pid, `services/${name}/`);
  const stop = async () => {
    // A profiled process writes its profile as it exits: on a busy machine that takes longer than a plain stop.
    if (running.child.exitCode === null) await stopProcess(pid, options.nodeArgs ? 120_000 : 20_000);
    log.end();
  };
  const unregister = onCleanup(`${name} (${options.label})`, stop);
  try {
    await waitUntilReady(running, 120_000);
  } catch (error) {
    await stop();
    unregister();
    return `${name} did not become ready: ${error instanceof Error ? error.message : String(error)} (log: ${log.path})`;
  }
  return {
    name,
    url: running.url,
    pid,
    stop: async () => {
      unregister();
      await stop();
    },
  };
}

/** As spawnService, with Node options that NODE_OPTIONS refuses (`--cpu-prof`). */
function spawnWithNodeArgs(
  spec: ServiceSpec,
  env: Record<string, string>,
  nodeArgs: string[],
  log: WriteStream,
  root: string,
) {
  const child = spawn(process.execPath, [...nodeArgs, ...nodeArgsFor(spec.entry)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return { spec, child, url: `http://127.0.0.1:${spec.port}` };
}

/** `GET /health/consumer`; undefined when the service does not answer within the timeout. */
export async function consumerHealth(service: Service, timeoutMs = 5_000): Promise<ConsumerHealth | undefined> {
  try {
    const response = await fetch(`${service.url}/health/consumer`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? ((await response.json()) as ConsumerHealth) : undefined;
  } catch {
    return undefined;
  }
}

/** Polls until `done` holds (or the deadline passes); returns the time it first held, or undefined. */
export async function pollUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return undefined;
}
