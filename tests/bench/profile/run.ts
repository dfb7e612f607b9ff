import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../lib/child.js';
import type { Infra } from '../lib/infra.js';
import { journeyOf, REGIONS, womanOf } from '../lib/journeys.js';
import type { BenchOptions } from '../lib/options.js';
import { journeys, produce } from '../lib/produce.js';
import { runRebuild } from '../lib/rebuild.js';
import { consumerHealth, pollUntil, tokenFor } from '../lib/services.js';
import { System } from '../lib/system.js';
import { writeMany } from '../lib/writes.js';
import { LoadGenerator } from '../measures/load-generator.js';
import { drained } from '../measures/whole-path.js';
import { type ProfileSummary, printSummary, summarise } from './summarise.js';

export type SlowPart =
  | 'passport consumer'
  | 'release-scheduling writes'
  | 'passport live'
  | 'passport reads'
  | 'passport rebuild';
export interface ProfileResult {
  part: SlowPart;
  file: string;
  summary: ProfileSummary;
}

const PROFILE_DIR = join(benchDir, 'results', 'profiles');

/**
 * The profile of the thread that did the most work (`CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`): a service's
 * main thread, not tsx's loader thread; one of the rebuild's worker threads, whose main thread only waits for them.
 */
function busiestProfileIn(dir: string): { file: string; summary: ProfileSummary; threads: number } {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  const summaries = files.map((file) => ({ file: join(dir, file), summary: summarise(join(dir, file)) }));
  const busiest = summaries.sort((a, b) => b.summary.busyMs - a.summary.busyMs)[0];
  if (!busiest) throw new Error(`no .cpuprofile written in ${dir}`);
  return { ...busiest, threads: files.length };
}

const cpuProf = (dir: string) => ['--cpu-prof', `--cpu-prof-dir=${dir}`];

/** Runs each slow part once with `node --cpu-prof` on the process doing the work, and summarises self time. */
export async function runProfiles(infra: Infra, options: BenchOptions, slow: Set<SlowPart>): Promise<ProfileResult[]> {
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const dir = (part: SlowPart) => {
    const path = join(PROFILE_DIR, part.replaceAll(' ', '-'));
    mkdirSync(path, { recursive: true });
    return path;
  };
  const results: ProfileResult[] = [];
  const done = (part: SlowPart) => {
    const { file, summary, threads } = busiestProfileIn(dir(part));
    const title = threads > 1 ? `profile of ${part} (its busiest of ${threads} threads)` : `profile of ${part}`;
    printSummary(title, summary);
    results.push({ part, file, summary });
  };
  const system = new System(infra, 'profile');
  await system.createTopics(['passport', 'passport-rebuild']);
  const ids: string[] = [];
  const bus = infra.bus('bench-profile');
  const women = Math.ceil(options.profileEvents / 20);
  await produce(
    bus,
    journeys(5_000_000, women, (n) => {
      const woman = womanOf(n);
      if (woman.region === REGIONS[0]) ids.push(woman.releaseId);
      return journeyOf(woman, system.prefix, n % 3 === 0);
    }),
  );
  await bus.close();
  const database = await infra.freshDatabase('profile_passport');
  if (slow.has('passport consumer') || slow.has('passport reads')) {
    const consumer = await system.need('passport', { DATABASE_URL: database }, cpuProf(dir('passport consumer')));
    // Lag 0 alone is also what a consumer reports before it has joined its group (then stopping it loses the profile).
    const caughtUp = async () => {
      const health = await consumerHealth(consumer);
      return health?.lag === 0 && (health.applied ?? 0) > 0;
    };
    await pollUntil(caughtUp, 600_000, 500);
    await consumer.stop();
    if (slow.has('passport consumer')) done('passport consumer');
  }
  if (slow.has('passport reads')) {
    const readers = new System(infra, 'profreads');
    const reader = await readers.need('passport', { DATABASE_URL: database }, cpuProf(dir('passport reads')));
    const token = tokenFor({ sub: 'bench-profile', roles: ['probation'], region: REGIONS[0]! });
    const paths = [...ids.map((id) => `/api/passports/${id}`), '/api/upcoming-releases'];
    const load = new LoadGenerator();
    await load.run({
      url: reader.url,
      paths,
      token,
      seconds: options.readSeconds,
      connections: options.readConnections,
    });
    await load.stop();
    await readers.stop();
    done('passport reads');
  }
  if (slow.has('release-scheduling writes')) {
    const writers = new System(infra, 'profwrites');
    const writer = await writers.need('release-scheduling', {}, cpuProf(dir('release-scheduling writes')));
    // Passport applying the bookings as they arrive: runs of a few events, where a catch-up has runs of 500.
    const live = slow.has('passport live')
      ? await writers.need('passport', {}, cpuProf(dir('passport live')))
      : undefined;
    await writeMany(writer.url, 6_000_000, Math.min(3_000, options.profileEvents), options.writeConcurrency);
    if (live) await drained(live, writer, 1);
    else await pollUntil(async () => (await consumerHealth(writer))?.outboxPending === 0, 120_000, 250);
    await writers.stop();
    done('release-scheduling writes');
    if (live) done('passport live');
  }
  if (slow.has('passport rebuild')) {
    await runRebuild(infra, system.prefix, 'profile_rebuild', cpuProf(dir('passport rebuild')));
    done('passport rebuild');
  }
  await system.stop();
  return results;
}
