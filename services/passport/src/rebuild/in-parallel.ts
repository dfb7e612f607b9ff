import { parentPort, type Worker, workerData } from 'node:worker_threads';
import { startWorkerThread } from '@resettle/platform/cli';
import pino from 'pino';
import { RESIDENT_PASSPORTS } from './bulk-fold.js';
import {
  freshRebuildGroup,
  prepareRebuild,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
  rebuildShare,
  type ShareOptions,
} from './rebuild-passports.js';

/** What a share's worker is given: plain data, since a worker thread shares no objects with its parent. */
type ShareWork = Pick<ShareOptions, 'env' | 'ends' | 'share' | 'groupId' | 'residentPassports' | 'pollMs'> & {
  now: Date;
};
type FromShare = { progress: RebuildProgress } | { result: RebuildResult };

/**
 * The rebuild on several cores: the database is prepared once, then each of `workers` worker threads reads every topic
 * and folds its own share of the women (by her person id), with an equal part of the passports held in memory; this
 * thread only gathers their progress. `entry` is the module that calls `foldShareInThisWorker()` when it starts on a
 * worker thread.
 */
export async function rebuildInParallel(
  options: RebuildOptions & { workers: number; entry: URL },
): Promise<RebuildResult> {
  const ends = await prepareRebuild(options);
  const count = options.workers;
  const groupId = options.groupId ?? freshRebuildGroup();
  const now = (options.clock ?? (() => new Date()))();
  const progress: RebuildProgress[] = [];
  const started = Date.now();
  const report = () => options.onProgress?.(combined(progress, count, Date.now() - started));
  const workers: Worker[] = [];
  const shares = Array.from({ length: count }, (_, index) => {
    const work: ShareWork = {
      env: options.env,
      ends,
      share: { index, count },
      groupId: `${groupId}-share-${index}`,
      residentPassports: Math.ceil((options.residentPassports ?? RESIDENT_PASSPORTS) / count),
      pollMs: options.pollMs,
      now,
    };
    const onProgress = (step: RebuildProgress) => {
      progress[index] = step;
      report();
    };
    const worker = startWorkerThread(options.entry, work);
    workers.push(worker);
    return resultOf(worker, onProgress);
  });
  try {
    const results = await Promise.all(shares);
    const finished = combined(results, count, Date.now() - started);
    options.onProgress?.(finished);
    return {
      ...finished,
      letGo: results.reduce((sum, result) => sum + result.letGo, 0),
      reloaded: results.reduce((sum, result) => sum + result.reloaded, 0),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Every worker reads every event: together they are as far as their average. */
function combined(steps: (RebuildProgress | undefined)[], workers: number, elapsedMs: number): RebuildProgress {
  const total = steps.find(Boolean)?.total ?? 0;
  const done = steps.reduce((sum, step) => sum + (step?.done ?? 0), 0);
  return { done: Math.floor(done / workers), total, elapsedMs };
}

function resultOf(worker: Worker, onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromShare) => {
      if ('progress' in message) onProgress(message.progress);
      else resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a rebuild worker stopped (exit code ${code}) before it finished`)));
  });
}

/** The worker's side: folds the share it was given, reporting progress and then its result to its parent. */
export async function foldShareInThisWorker(): Promise<void> {
  const work = workerData as ShareWork;
  const port = parentPort;
  if (!port) throw new Error('foldShareInThisWorker runs on a worker thread');
  const result = await rebuildShare({
    ...work,
    logger: pino({ level: 'warn' }, pino.destination(2)),
    clock: () => work.now,
    onProgress: (progress) => port.postMessage({ progress } satisfies FromShare),
  });
  port.postMessage({ result } satisfies FromShare);
}
