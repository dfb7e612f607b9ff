import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface ServiceSpec {
  name: string;
  port: number;
  database: string;
  entry: string;
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
