import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface ServiceSpec {
  name: string;
  port: number;
  database: string;
  entry: string;
  /** Which of the service's instances (1, 2, …); absent when it runs alone. */
  instance?: number;
}

/** How `[passport#2]` is told apart from `[passport#1]` in logs and listings. */
export function instanceLabel(spec: ServiceSpec): string {
  return spec.instance === undefined ? spec.name : `${spec.name}#${spec.instance}`;
}

/** `INSTANCES` (default 1): how many processes `pnpm start` runs per service. */
export function instancesWanted(env: NodeJS.ProcessEnv = process.env): number {
  const wanted = Number(env.INSTANCES ?? 1);
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 9)
    throw new Error('INSTANCES must be a whole number, 1 to 9');
  return wanted;
}

/**
 * The instances of one service: the same database and consumer group, each on its own port (the service's port, then
 * 100 above it for each further instance: 3005, 3105, 3205 for the passport).
 */
export function instancesOf(spec: ServiceSpec, count: number): ServiceSpec[] {
  if (count === 1) return [spec];
  return Array.from({ length: count }, (_, index) => ({ ...spec, port: spec.port + 100 * index, instance: index + 1 }));
}

/** Every service the main command knows, with its fixed local port and database. */
const ALL_SERVICES = [
  ['release-scheduling', 3001],
  ['treatment-continuity', 3002],
  ['accommodation', 3003],
  ['transport', 3004],
  ['passport', 3005],
] as const;

/** The services that exist in this checkout (a service folder with a `src/main.ts`). */
export function availableServices(): ServiceSpec[] {
  return ALL_SERVICES.map(([name, port]) => ({
    name,
    port: Number(process.env[`${name.toUpperCase().replaceAll('-', '_')}_PORT`] ?? port),
    database: `resettle_${name.replaceAll('-', '_')}`,
    entry: join(repoRoot, 'services', name, 'src', 'main.ts'),
  })).filter((service) => existsSync(service.entry));
}
