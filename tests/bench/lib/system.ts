import { ALL_TOPICS, deadLetterTopicFor, topicName } from '@resettle/contracts';
import type { Infra } from './infra.js';
import { type Service, type ServiceName, startService } from './services.js';

/** Thrown by a measurement whose service is missing or not ready: reported as "skipped: <reason>". */
export class Skip extends Error {}

/** One topic namespace with its own databases and the services started in it so far. */
export class System {
  readonly prefix: string;
  private readonly services = new Map<ServiceName, Service | string>();

  constructor(
    private readonly infra: Infra,
    readonly label: string,
  ) {
    this.prefix = `bench-${infra.runId.slice(6)}-${label}.`;
  }

  /** Creates every topic (and the dead-letter topics) up front, so producers never race the services. */
  async createTopics(groups: string[] = ['passport']): Promise<void> {
    const bus = this.infra.bus(`bench-topics-${this.label}`);
    const topics = ALL_TOPICS.map((topic) => topicName(topic, this.prefix));
    await bus.ensureTopics([...topics, ...groups.map((group) => topicName(deadLetterTopicFor(group), this.prefix))]);
    await bus.close();
  }

  /** Starts the service once (or remembers why it could not), then returns it or skips the measurement. */
  async need(name: ServiceName, env?: Record<string, string>, nodeArgs?: string[]): Promise<Service> {
    if (!this.services.has(name)) {
      const options = { label: this.label, env, nodeArgs };
      this.services.set(name, await startService(this.infra, name, this.prefix, options));
    }
    const service = this.services.get(name)!;
    if (typeof service === 'string') throw new Skip(service);
    return service;
  }

  /** Starts what exists of `names` in parallel; returns those running. */
  async startAll(names: ServiceName[]): Promise<Service[]> {
    const started = await Promise.all(names.map((name) => this.need(name).catch(() => undefined)));
    return started.filter((service): service is Service => service !== undefined);
  }

  running(): Service[] {
    return [...this.services.values()].filter((service): service is Service => typeof service !== 'string');
  }

  async stop(): Promise<void> {
    await Promise.all(this.running().map((service) => service.stop()));
    this.services.clear();
  }
}
