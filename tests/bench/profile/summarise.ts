// Top self-time functions and areas of a V8 .cpuprofile (from `node --cpu-prof`).
//   pnpm exec tsx tests/bench/profile/summarise.ts file.cpuprofile [top]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: { fn: string; where: string; selfMs: number; percent: number }[];
  areas: { area: string; selfMs: number; percent: number }[];
  /** The repo's own functions by total time (self plus callees): which step of the work the time belongs to. */
  ownTotals: { fn: string; where: string; totalMs: number; percent: number }[];
}

/** Where a function lives: a package, a workspace folder, Node's internals, or V8's own buckets. */
export function areaOf(url: string, name: string): string {
  if (!url) return name || '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const parts = (packages.at(-1) ?? '').split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const own = /\/(services\/[^/]+|packages\/[^/]+|contracts|infra)\//.exec(url);
  return own?.[1] ?? url;
}

/**
 * The services run bundled (`dist/main.js`): every frame there is put back where esbuild took it from (the source
 * map beside the bundle), so areas and functions name the package or workspace file, not the bundle.
 */
function unbundle(profile: CpuProfile): void {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = url.startsWith('file:') ? `${fileURLToPath(url)}.map` : '';
      maps.set(url, file && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
    }
    return maps.get(url);
  };
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    if (!frame.url.includes('/dist/')) continue;
    const entry = mapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) continue;
    const source = entry.originalSource.startsWith('file:')
      ? entry.originalSource
      : pathToFileURL(new URL(entry.originalSource, frame.url).pathname).href;
    node.callFrame = { ...frame, url: source, lineNumber: entry.originalLine, columnNumber: entry.originalColumn };
  }
}

export function summarise(path: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  unbundle(profile);
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const selfOf = new Map<number, number>();
  let idleUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    const us = profile.timeDeltas[index] ?? 0;
    selfOf.set(id, (selfOf.get(id) ?? 0) + us);
    if (!frame || frame.functionName === '(idle)') {
      idleUs += us;
      return;
    }
    busyUs += us;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\/.*?\/(node_modules|services|packages|contracts)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'}\t${where}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
  });
  const ownTotals = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totalOf = (id: number, open: Set<string>): number => {
    const node = nodes.get(id);
    if (!node) return 0;
    const { functionName, url } = node.callFrame;
    const own = /\/(services|packages|contracts)\//.test(url) && !url.includes('/node_modules/');
    const key = `${functionName || '(anonymous)'}\t${url.replace(/^.*?\/(services|packages|contracts)\//, '$1/')}`;
    const inner = own && !open.has(key) ? new Set([...open, key]) : open;
    let total = node.callFrame.functionName === '(idle)' ? 0 : (selfOf.get(id) ?? 0);
    for (const child of node.children ?? []) total += totalOf(child, inner);
    if (own && !open.has(key)) ownTotals.set(key, (ownTotals.get(key) ?? 0) + total);
    return total;
  };
  const root = profile.nodes[0];
  if (root) totalOf(root.id, new Set());
  const percent = (us: number) => Number(((us / Math.max(1, busyUs)) * 100).toFixed(1));
  const ranked = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    functions: ranked(self).map(([key, us]) => {
      const [fn = '', where = ''] = key.split('\t');
      return { fn, where, selfMs: Math.round(us / 1000), percent: percent(us) };
    }),
    areas: ranked(areas).map(([area, us]) => ({ area, selfMs: Math.round(us / 1000), percent: percent(us) })),
    ownTotals: ranked(ownTotals).map(([key, us]) => {
      const [fn = '', where = ''] = key.split('\t');
      return { fn, where, totalMs: Math.round(us / 1000), percent: percent(us) };
    }),
  };
}

export function printSummary(title: string, summary: ProfileSummary): void {
  console.log(`\n${title}: ${summary.busyMs} ms busy, ${summary.idleMs} ms idle`);
  console.log('  self time by area:');
  for (const area of summary.areas.slice(0, 8)) console.log(`    ${String(area.percent).padStart(5)}%  ${area.area}`);
  console.log('  own code by total time (self + callees):');
  for (const fn of summary.ownTotals) console.log(`    ${String(fn.percent).padStart(5)}%  ${fn.fn}  ${fn.where}`);
  console.log('  top self-time functions:');
  for (const fn of summary.functions) console.log(`    ${String(fn.percent).padStart(5)}%  ${fn.fn}  ${fn.where}`);
}

if (process.argv[1]?.endsWith('summarise.ts') && process.argv[2]) {
  printSummary(process.argv[2], summarise(process.argv[2], Number(process.argv[3] ?? 12)));
}
