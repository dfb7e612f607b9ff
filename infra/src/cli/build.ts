// `pnpm build [service …]`: one ESM file per service, `services/<name>/dist/main.js`, runnable with plain node (see
// ../build.ts for how). `--if-stale` builds only those older than their sources (what `pnpm start` does itself).
import { BUILT_SERVICES, buildService, ensureBuilt } from '../build.js';
import { repoRoot } from '../paths.js';

const USAGE = `Usage: pnpm build [--if-stale] [service …]

Bundles each service (all of them when none is named) to services/<name>/dist/main.js, run with plain node:
  node services/passport/dist/main.js        (the same environment as under tsx; see docs/operations.md)
Services: ${BUILT_SERVICES.join(', ')}. web also gets dist/dev-idp.js, passport dist/rebuild.js.
  --if-stale   only the services whose build is missing or older than their sources`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const ifStale = args.includes('--if-stale');
const wanted = args.filter((arg) => arg !== '--if-stale');
const unknown = wanted.filter((name) => !BUILT_SERVICES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown service: ${unknown.join(', ')} (one of ${BUILT_SERVICES.join(', ')})`);
  process.exit(2);
}
const names = wanted.length > 0 ? wanted : BUILT_SERVICES;
const started = performance.now();
if (ifStale) {
  const rebuilt = await ensureBuilt(names);
  console.log(
    `${rebuilt.length > 0 ? `built ${rebuilt.join(', ')}` : 'all fresh'} in ${Math.round(performance.now() - started)} ms`,
  );
} else {
  await Promise.all(
    names.map(async (name) => {
      const begun = performance.now();
      const outfile = await buildService(name);
      console.log(
        `${name.padEnd(22)} ${outfile.slice(repoRoot.length + 1)}  ${Math.round(performance.now() - begun)} ms`,
      );
    }),
  );
  console.log(`all in ${Math.round(performance.now() - started)} ms`);
}
