import { startBareServer } from '../lib/bare.js';
import { cpuMsOf, cpuMsOfEvery, cpuSince } from '../lib/child.js';
import type { Infra } from '../lib/infra.js';
import type { BenchOptions } from '../lib/options.js';
import type { Figure, MeasureResult } from '../lib/report.js';
import { tokenFor } from '../lib/services.js';
import { round } from '../lib/stats.js';
import { Skip, type System } from '../lib/system.js';
import { LoadGenerator } from './load-generator.js';
import type { ReleaseIdsByRegion } from './projection.js';
import type { LoadRequest } from './reads-load.js';

/**
 * Warm-up, then flat out, then at half that rate: autocannon from a separate process each time. The server's CPU per
 * request, and PostgreSQL's (every backend; a backend that ends during the run is missed), are taken over the
 * flat-out run.
 */
async function profileOf(
  load: LoadGenerator,
  base: Omit<LoadRequest, 'seconds' | 'connections'>,
  serverPid: number,
  options: BenchOptions,
) {
  const connections = options.readConnections;
  await load.run({ ...base, connections, seconds: options.warmupSeconds });
  const serverCpu = cpuSince(() => cpuMsOf(serverPid));
  const databaseCpu = cpuSince(() => cpuMsOfEvery('postgres'));
  const peak = await load.run({ ...base, connections, seconds: options.readSeconds });
  const requests = Math.max(1, peak.requests);
  const cpuMsPerRequest = serverCpu() / requests;
  const databaseCpuMsPerRequest = databaseCpu() / requests;
  const half = await load.run({
    ...base,
    connections,
    seconds: options.readSeconds,
    rate: Math.max(1, peak.requestsPerSecond / 2),
  });
  return { peak, half, cpuMsPerRequest, databaseCpuMsPerRequest };
}

/** Passport reads (auth and audit on) against a bare Fastify `select 1` route on a pool of the same size. */
export async function measureReads(
  infra: Infra,
  system: System,
  options: BenchOptions,
  ids: ReleaseIdsByRegion | undefined,
): Promise<MeasureResult> {
  const passport = await system.need('passport');
  const [region, releaseIds] =
    [...(ids ?? new Map<string, string[]>())].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!region || !releaseIds) throw new Skip('needs the passports the projection measurement builds');
  const token = tokenFor({ sub: 'bench-probation', roles: ['probation'], region });
  const bare = await startBareServer(infra, 'read');
  const bareUrl = bare.url;
  const targets = [
    { name: 'bare select 1', url: bareUrl, pid: bare.pid, paths: ['/bare'] },
    {
      name: 'GET /api/passports/:id',
      url: passport.url,
      pid: passport.pid,
      paths: releaseIds.map((id) => `/api/passports/${id}`),
    },
    { name: 'GET /api/upcoming-releases', url: passport.url, pid: passport.pid, paths: ['/api/upcoming-releases'] },
  ];
  const measured: Record<string, Awaited<ReturnType<typeof profileOf>>> = {};
  const load = new LoadGenerator();
  for (const { pid, ...target } of targets)
    measured[target.name] = await profileOf(load, { ...target, token }, pid, options);
  await load.stop();
  await bare.stop();
  const bareRate = measured['bare select 1']!.peak.requestsPerSecond;
  const bareHalfP99 = measured['bare select 1']!.half.p99;
  /** The goals: passport by id ≥ 0.5 of bare with p99 at half peak ≤ 2× bare's; a page of upcoming ≥ 0.25. */
  const goals: Record<string, { ratio: number; p99Times?: number }> = {
    'GET /api/passports/:id': { ratio: 0.5, p99Times: 2 },
    'GET /api/upcoming-releases': { ratio: 0.25 },
  };
  const figures: Figure[] = [];
  for (const { name } of targets) {
    const { peak, half, cpuMsPerRequest, databaseCpuMsPerRequest } = measured[name]!;
    const errors = peak.non2xx + peak.errors + half.non2xx + half.errors;
    const reference = name === 'bare select 1' ? 'reference: ' : '';
    figures.push({
      name: `${reference}${name} peak`,
      value: round(peak.requestsPerSecond),
      unit: 'req/s',
      note: errors ? `${errors} errors/non-2xx` : undefined,
    });
    figures.push({ name: `${reference}${name} p99 at peak`, value: peak.p99, unit: 'ms' });
    figures.push({ name: `${reference}${name} p99 at half peak`, value: half.p99, unit: 'ms' });
    if (Number.isFinite(cpuMsPerRequest)) {
      figures.push({
        name: `${reference}${name} server CPU per request`,
        value: round(cpuMsPerRequest, 3),
        unit: 'ms',
      });
    }
    figures.push({
      name: `${reference}${name} PostgreSQL CPU per request`,
      value: round(databaseCpuMsPerRequest, 3),
      unit: 'ms',
    });
    const goal = goals[name];
    if (!goal) continue;
    figures.push({
      name: `${name} peak ÷ bare select 1`,
      value: round(peak.requestsPerSecond / bareRate, 3),
      unit: '',
      target: { kind: 'min', value: goal.ratio },
    });
    figures.push({
      name: `${name} p99 at half peak ÷ bare's`,
      value: round(half.p99 / Math.max(0.1, bareHalfP99), 2),
      unit: '×',
      target: goal.p99Times ? { kind: 'max', value: goal.p99Times } : undefined,
    });
  }
  return {
    name: 'reads',
    status: 'ok',
    figures,
    details: { region, ids: releaseIds.length, connections: options.readConnections, measured },
  };
}
