/**
 * `pnpm build`: one ESM file per service, `services/<name>/dist/main.js`, runnable with plain `node`.
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
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from '../paths.js';

const SERVICES = ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport', 'passport', 'web'];

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
};

const BANNER = [
  "import { createRequire as __resettleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __resettleFileURLToPath } from 'node:url';",
  'const require = __resettleCreateRequire(import.meta.url);',
  'const __resettleHere = (relative) => __resettleFileURLToPath(new URL(relative, import.meta.url));',
].join('\n');

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

/**
 * Keeps external exactly the npm packages Node will find from the service's folder: its own `node_modules`, then the
 * repository's (the folders Node's resolution walks up through).
 */
function externalWhereResolvable(serviceDir: string): Plugin {
  const builtins = new Set(builtinModules);
  const lookIn = [join(serviceDir, 'node_modules'), join(repoRoot, 'node_modules')];
  return {
    name: 'external-where-resolvable',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = packageName(args.path);
        if (args.path.startsWith('node:') || builtins.has(name)) return { path: args.path, external: true };
        if (name.startsWith('@resettle/')) return undefined;
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

export async function buildService(name: string): Promise<string> {
  const serviceDir = join(repoRoot, 'services', name);
  const outdir = join(serviceDir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const outfile = join(outdir, 'main.js');
  const entries: [string, string][] = [['main.ts', 'main.js'], ...(EXTRA_ENTRIES[name] ?? [])];
  for (const [source, output] of entries)
    await build({
      entryPoints: [join(serviceDir, 'src', source)],
      outfile: join(outdir, output),
      bundle: true,
      packages: 'bundle',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      banner: { js: BANNER },
      plugins: [externalWhereResolvable(serviceDir), dirnameOfOrigin(outdir)],
      logLevel: 'warning',
    });
  for (const [from, to] of ASSETS[name] ?? [])
    cpSync(join(serviceDir, 'src', from), join(outdir, to), { recursive: true });
  return outfile;
}

const USAGE = `Usage: pnpm build [service …]

Bundles each service (all of them when none is named) to services/<name>/dist/main.js, run with plain node:
  node services/passport/dist/main.js        (the same environment as under tsx; see docs/operations.md)
Services: ${SERVICES.join(', ')}. web also gets dist/dev-idp.js.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const wanted = args;
const unknown = wanted.filter((name) => !SERVICES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown service: ${unknown.join(', ')} (one of ${SERVICES.join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : SERVICES) {
  const started = performance.now();
  const outfile = await buildService(name);
  console.log(
    `${name.padEnd(22)} ${outfile.slice(repoRoot.length + 1)}  ${Math.round(performance.now() - started)} ms`,
  );
}
