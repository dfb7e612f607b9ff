import { randomBytes } from 'node:crypto';
import {
  availableServices,
  builtSpecs,
  type ClientSecurity,
  freePort,
  type ServiceProcess,
  type ServiceSpec,
  secureKafkaEnv,
  spawnService,
  stopProcess,
  waitUntilReady,
} from '@resettle/infra';
import { provisionServiceAccess, scramOverTls } from '@resettle/messaging';
import { type Caller, localTokenIssuer } from '@resettle/platform';
import { freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';

export type ServiceName = 'release-scheduling' | 'treatment-continuity' | 'accommodation' | 'transport' | 'passport';

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: journeys assert on arbitrary JSON bodies
  body: any;
}

/** What `/health/consumer` answers (the fields the tests read). */
export interface ConsumerHealth {
  lag: number;
  outboxPending: number;
  published: number;
  relayLeader: boolean;
  /** Events this instance's consumer applied, and redeliveries it recognised and skipped (absent without one). */
  applied?: number;
  duplicates?: number;
}

type Spec = ServiceSpec & { env: Record<string, string> };

/**
 * The whole system as `pnpm start` runs it: one process per service instance (`instances` of each, sharing the
 * service's database and consumer group), real broker (SASL_SSL, a principal per service, ACLs on this system's
 * topics, unless brokers without `kafkaSecurity` are given), real databases. Calls go round the live instances, as a load
 * balancer would, and move on to another instance when one refuses the connection.
 */
export class RunningSystem {
  private readonly processes = new Map<ServiceName, ServiceProcess[]>();
  private readonly databases: TestDatabase[] = [];
  readonly topicPrefix = uniqueTopicPrefix('e2e');
  private readonly secret = randomBytes(32).toString('hex');
  private readonly webhookKey = randomBytes(32).toString('base64');
  readonly tokenFor = localTokenIssuer({ secret: this.secret });
  private readonly specs = new Map<ServiceName, Spec[]>();
  private readonly turn = new Map<ServiceName, number>();
  /** Every line every service printed (captured rather than echoed, so tests can search the logs). */
  readonly logLines: string[] = [];
  /** Calls that found an instance gone and were sent again to another. */
  retriedCalls = 0;

  static async start(
    options: {
      logLevel?: string;
      kafkaBrokers?: string[];
      kafkaSecurity?: ClientSecurity;
      instances?: number;
      env?: Record<string, string>;
    } = {},
  ): Promise<RunningSystem> {
    const system = new RunningSystem();
    const instances = options.instances ?? 1;
    const shared = testInfra();
    const kafka = options.kafkaBrokers
      ? { brokers: options.kafkaBrokers, security: options.kafkaSecurity }
      : { brokers: shared.kafkaSecure?.brokers ?? shared.kafkaBrokers, security: shared.kafkaSecure };
    const security = kafka.security;
    if (security) {
      await provisionServiceAccess({
        brokers: kafka.brokers,
        admin: scramOverTls(security.admin, security.caFile),
        namespace: system.topicPrefix,
      });
    }
    // As `pnpm start` and the container images run them: the built JavaScript, rebuilt first only when stale.
    for (const spec of await builtSpecs(availableServices())) {
      const database = await freshDatabase(spec.name);
      system.databases.push(database);
      const user = security?.users.find((candidate) => candidate.name === spec.name);
      const env = {
        DATABASE_URL: database.serviceUrl,
        DATABASE_OWNER_URL: database.ownerUrl,
        KAFKA_BROKERS: kafka.brokers.join(','),
        ...(security && user ? secureKafkaEnv(user, security.caFile) : {}),
        KAFKA_TOPIC_PREFIX: system.topicPrefix,
        JWT_SECRET: system.secret,
        LOG_LEVEL: options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'warn',
        // Several whole systems (up to ten processes each) share the test server's 100 connections.
        DB_POOL_MAX: '4',
        // As `pnpm start`: providers' fake receivers listen on this machine over http; secrets sealed with a key.
        WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
        WEBHOOK_SECRET_KEY: system.webhookKey,
        ...options.env,
      };
      const specs: Spec[] = [];
      for (let instance = 1; instance <= instances; instance += 1) {
        const numbered = instances > 1 ? { instance } : {};
        specs.push({ ...spec, ...numbered, port: await freePort(), env });
      }
      system.specs.set(spec.name as ServiceName, specs);
    }
    // In waves, one instance of every service at a time: ten processes compiling at once on two busy cores is slow.
    try {
      for (let index = 0; index < instances; index += 1)
        await Promise.all([...system.specs.keys()].map((name) => system.launch(name, index)));
    } catch (error) {
      await system.stop();
      throw new Error(`the system did not start; its last lines:\n${system.logLines.slice(-30).join('\n')}`, {
        cause: error,
      });
    }
    return system;
  }

  has(name: ServiceName): boolean {
    return this.specs.has(name);
  }

  /** How many instances of each service run (or ran) in this system. */
  instanceCount(name: ServiceName): number {
    return this.specsOf(name).length;
  }

  /** The address of one instance (the first when not given). */
  url(name: ServiceName, index = 0): string {
    return `http://127.0.0.1:${this.specOf(name, index).port}`;
  }

  /**
   * One request, to the next live instance in turn. A connection refused or reset before any answer moves on to
   * another instance only when that is safe: always for a read, and for a write only when it never reached the
   * service (refused). A write cut off by a crash is reported, since it may have been applied.
   */
  async call(name: ServiceName, caller: Caller, method: string, path: string, body?: unknown): Promise<Reply> {
    const attempts = this.instanceCount(name) * 3;
    for (let attempt = 1; ; attempt += 1) {
      const index = this.nextLive(name);
      try {
        return await this.send(this.url(name, index), caller, method, path, body);
      } catch (error) {
        const safe = method === 'GET' || connectionRefused(error);
        if (!safe || attempt >= attempts) throw error;
        this.retriedCalls += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** `/health/consumer` of one instance. */
  async health(name: ServiceName, index: number): Promise<ConsumerHealth> {
    const response = await fetch(`${this.url(name, index)}/health/consumer`);
    return (await response.json()) as ConsumerHealth;
  }

  /** The instance of `name` leading its outbox relay now, if one does. */
  async relayLeader(name: ServiceName): Promise<number | undefined> {
    const leaders: number[] = [];
    for (let index = 0; index < this.instanceCount(name); index += 1) {
      if (!this.isLive(name, index)) continue;
      if ((await this.health(name, index).catch(() => undefined))?.relayLeader) leaders.push(index);
    }
    if (leaders.length > 1) throw new Error(`${name}: instances ${leaders.join(', ')} all say they lead the relay`);
    return leaders[0];
  }

  /** A crash: SIGKILL, no shutdown hooks. Every instance of the service unless one is named. */
  kill(name: ServiceName, index?: number): void {
    for (const [at, service] of (this.processes.get(name) ?? []).entries()) {
      if (index === undefined || at === index) service.child.kill('SIGKILL');
    }
  }

  /** Starts the instance again (every instance unless one is named), stopping it first if it still runs. */
  async restart(name: ServiceName, index?: number): Promise<void> {
    const indexes = index === undefined ? this.specsOf(name).map((_, at) => at) : [index];
    for (const at of indexes) {
      const running = this.processes.get(name)?.[at];
      if (running?.child.pid && running.child.exitCode === null && running.child.signalCode === null)
        await stopProcess(running.child.pid, 5_000);
      await this.launch(name, at);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].flat().map((service) => service.child.pid && stopProcess(service.child.pid, 15_000)),
    );
    await Promise.all(this.databases.map((database) => database.drop()));
  }

  private async send(url: string, caller: Caller, method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${url}${path}`, {
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

  private isLive(name: ServiceName, index: number): boolean {
    const child = this.processes.get(name)?.[index]?.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** Round robin over the instances still running; the first when none is (the call then fails as it should). */
  private nextLive(name: ServiceName): number {
    const count = this.instanceCount(name);
    const start = this.turn.get(name) ?? 0;
    for (let step = 0; step < count; step += 1) {
      const index = (start + step) % count;
      if (this.isLive(name, index)) {
        this.turn.set(name, index + 1);
        return index;
      }
    }
    return 0;
  }

  private specsOf(name: ServiceName): Spec[] {
    const specs = this.specs.get(name);
    if (!specs) throw new Error(`${name} does not exist in this checkout`);
    return specs;
  }

  private specOf(name: ServiceName, index: number): Spec {
    const spec = this.specsOf(name)[index];
    if (!spec) throw new Error(`${name} has no instance ${index + 1}`);
    return spec;
  }

  private async launch(name: ServiceName, index: number): Promise<void> {
    const spec = this.specOf(name, index);
    const service = spawnService(spec, spec.env, (line: string) => this.logLines.push(line));
    const instances = this.processes.get(name) ?? [];
    instances[index] = service;
    this.processes.set(name, instances);
    // A busy machine (CI sharing its cores) may take longer; E2E_START_TIMEOUT_MS gives it that patience.
    await waitUntilReady(service, Number(process.env.E2E_START_TIMEOUT_MS ?? 120_000));
  }
}

/** fetch's failure when nothing listened: the request never reached a service. */
function connectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}
