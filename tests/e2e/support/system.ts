import { randomBytes } from 'node:crypto';
import {
  availableServices,
  freePort,
  type ServiceProcess,
  type ServiceSpec,
  spawnService,
  stopProcess,
  waitUntilReady,
} from '@resettle/infra';
import { type Caller, localTokenIssuer } from '@resettle/platform';
import { freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';

export type ServiceName = 'release-scheduling' | 'treatment-continuity' | 'accommodation' | 'transport' | 'passport';

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: journeys assert on arbitrary JSON bodies
  body: any;
}

/** The whole system as `pnpm start` runs it: one process per service, real broker, real databases. */
export class RunningSystem {
  private readonly processes = new Map<ServiceName, ServiceProcess>();
  private readonly databases: TestDatabase[] = [];
  readonly topicPrefix = uniqueTopicPrefix('e2e');
  private readonly secret = randomBytes(32).toString('hex');
  readonly tokenFor = localTokenIssuer({ secret: this.secret });
  private readonly specs = new Map<ServiceName, ServiceSpec & { env: Record<string, string> }>();
  /** Every line every service printed (captured rather than echoed, so tests can search the logs). */
  readonly logLines: string[] = [];

  static async start(
    options: { logLevel?: string; kafkaBrokers?: string[]; env?: Record<string, string> } = {},
  ): Promise<RunningSystem> {
    const system = new RunningSystem();
    for (const spec of availableServices()) {
      const database = await freshDatabase(spec.name);
      system.databases.push(database);
      const env = {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: (options.kafkaBrokers ?? testInfra().kafkaBrokers).join(','),
        KAFKA_TOPIC_PREFIX: system.topicPrefix,
        JWT_SECRET: system.secret,
        LOG_LEVEL: options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'warn',
        ...options.env,
      };
      system.specs.set(spec.name as ServiceName, { ...spec, port: await freePort(), env });
    }
    await Promise.all([...system.specs.keys()].map((name) => system.launch(name)));
    return system;
  }

  has(name: ServiceName): boolean {
    return this.specs.has(name);
  }

  url(name: ServiceName): string {
    return `http://127.0.0.1:${this.spec(name).port}`;
  }

  async call(name: ServiceName, caller: Caller, method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${this.url(name)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.tokenFor(caller)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A crash: SIGKILL, no shutdown hooks. */
  kill(name: ServiceName): void {
    this.processes.get(name)?.child.kill('SIGKILL');
  }

  async restart(name: ServiceName): Promise<void> {
    const running = this.processes.get(name);
    if (running?.child.pid && running.child.exitCode === null) await stopProcess(running.child.pid, 5_000);
    await this.launch(name);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map((service) => service.child.pid && stopProcess(service.child.pid, 15_000)),
    );
    await Promise.all(this.databases.map((database) => database.drop()));
  }

  private spec(name: ServiceName) {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`${name} does not exist in this checkout`);
    return spec;
  }

  private async launch(name: ServiceName): Promise<void> {
    const spec = this.spec(name);
    const service = spawnService(spec, spec.env, (line: string) => this.logLines.push(line));
    this.processes.set(name, service);
    await waitUntilReady(service);
  }
}
