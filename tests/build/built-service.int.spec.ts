// `pnpm build`'s output is what the container images run, while `pnpm start` and every other test run tsx: this is
// the one test that starts a service from the built JavaScript, so a dependency that cannot be bundled, or a file read
// beside the sources that the build does not carry, fails here rather than in a container.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot } from '@resettle/infra';
import { eventually, freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVICE = 'release-scheduling';
const builtFile = join(repoRoot, 'services', SERVICE, 'dist', 'main.js');

describe('a service built by pnpm build', () => {
  let database: TestDatabase;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'infra/src/cli/build.ts', SERVICE], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    database = await freshDatabase('built');
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    await database?.drop();
  });

  it('runs with plain node: migrates its database, answers ready, stops on SIGTERM', async () => {
    expect(existsSync(builtFile)).toBe(true);
    const port = await freePort();
    child = spawn(process.execPath, [builtFile], {
      // Not the repository root: the built file must find its migrations from where it is, not from the cwd.
      cwd: join(repoRoot, 'services'),
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.serviceUrl,
        DATABASE_OWNER_URL: database.ownerUrl,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('built'),
        JWT_SECRET: 'a-test-only-secret-of-at-least-32-characters',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });

    await eventually(async () => {
      expect(child?.exitCode, output).toBeNull();
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      expect(response?.status, output).toBe(200);
    }, 30_000);
    const docs = await fetch(`http://127.0.0.1:${port}/docs/static/logo.svg`);
    expect(docs.status, 'swagger-ui reads its files from its own package folder').toBe(200);

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child?.once('exit', resolve));
    expect(code, output).toBe(0);
  });
});
