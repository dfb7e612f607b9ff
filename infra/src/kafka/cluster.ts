import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../process-utils.js';
import { type BrokerHandle, LocalKafkaBroker, newClusterId, scramSecurityFor } from './broker.js';
import { securityFits, type WantedSecurity } from './security.js';

interface ClusterLayout {
  clusterId: string;
  nodes: BrokerHandle[];
}

/**
 * Several KRaft nodes run as local processes from the same jars, each broker and controller at once (every node a
 * voter, so a quorum of three survives one loss). Topics keep a copy on every node (at most three) and need a
 * majority of them in sync to accept a write. Node n lives in `<rootDir>/node-<n>` with its own pid file.
 */
export class LocalKafkaCluster {
  private constructor(
    readonly rootDir: string,
    readonly nodes: LocalKafkaBroker[],
  ) {}

  /**
   * The cluster saved in `rootDir`, or a new one of `size` nodes: client ports `port`, `port + 1`, … when given,
   * otherwise free ones. A saved cluster of another size, port or security is stopped and replaced (its data
   * removed); without a size, any saved cluster is taken as it is (three nodes when none is saved). With `security`,
   * every node's client and inter-broker listener is SASL_SSL with the same users, and one throwaway CA (made in
   * `rootDir`) signs the certificate they share.
   */
  static async create(
    rootDir: string,
    options: { size?: number; port?: number; security?: WantedSecurity } = {},
  ): Promise<LocalKafkaCluster> {
    const saved = LocalKafkaCluster.open(rootDir);
    if (saved) {
      const fits =
        (options.size === undefined || saved.nodes.length === options.size) &&
        (options.port === undefined || saved.nodes[0]?.handle.port === options.port) &&
        securityFits(saved.nodes[0]?.handle.security, options.security);
      if (fits) return saved;
      await saved.stop();
      saved.removeData();
    }
    const clusterId = newClusterId();
    const ports = await Promise.all(
      Array.from({ length: options.size ?? 3 }, async (_, index) => ({
        port: options.port === undefined ? await freePort() : options.port + index,
        controllerPort: await freePort(),
      })),
    );
    const quorumVoters = ports.map((node, index) => `${index + 1}@127.0.0.1:${node.controllerPort}`).join(',');
    const replicationFactor = Math.min(ports.length, 3);
    const minInsyncReplicas = majority(replicationFactor);
    const security = options.security && scramSecurityFor(options.security.users, rootDir);
    const nodes = ports.map((node, index) => ({
      dataDir: join(rootDir, `node-${index + 1}`),
      ...node,
      cluster: { nodeId: index + 1, clusterId, quorumVoters, replicationFactor, minInsyncReplicas },
      ...(security ? { security } : {}),
    }));
    mkdirSync(rootDir, { recursive: true });
    writeFileSync(join(rootDir, 'cluster.json'), JSON.stringify({ clusterId, nodes } satisfies ClusterLayout));
    return new LocalKafkaCluster(
      rootDir,
      nodes.map((node) => LocalKafkaBroker.saved(node)),
    );
  }

  /** The cluster saved in `rootDir`, if any (read only: nothing is started or written). */
  static open(rootDir: string): LocalKafkaCluster | undefined {
    const layoutPath = join(rootDir, 'cluster.json');
    if (!existsSync(layoutPath)) return undefined;
    const saved = JSON.parse(readFileSync(layoutPath, 'utf8')) as ClusterLayout;
    return new LocalKafkaCluster(
      rootDir,
      saved.nodes.map((node) => new LocalKafkaBroker(node)),
    );
  }

  /** A lone broker saved in `dataDir` (its `broker.json`), as a cluster of one, to be stopped as clusters are. */
  static openLoneBroker(dataDir: string): LocalKafkaCluster | undefined {
    const broker = LocalKafkaBroker.open(dataDir);
    return broker && new LocalKafkaCluster(dataDir, [broker]);
  }

  /** The bootstrap list for clients: every node's client port. */
  get brokers(): string {
    return this.nodes.map((node) => node.brokers).join(',');
  }

  get replicationFactor(): number {
    return this.nodes[0]?.handle.cluster?.replicationFactor ?? 1;
  }

  /** Pids of the nodes running now (from their pid files). */
  get pids(): number[] {
    return this.nodes.flatMap((node) => node.pid ?? []);
  }

  /** The node Kafka knows as `nodeId` (a partition's leader, in metadata). */
  node(nodeId: number): LocalKafkaBroker {
    const node = this.nodes.find((candidate) => candidate.handle.cluster?.nodeId === nodeId);
    if (!node) throw new Error(`no node ${nodeId} in the cluster at ${this.rootDir}`);
    return node;
  }

  /** All at once: a node reports itself started only once the controller quorum has formed. */
  async start(timeoutMs = 90_000): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.start(timeoutMs)));
  }

  /** Graceful stop of every node still running, by the pid in its pid file. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
  }

  removeData(): void {
    rmSync(this.rootDir, { recursive: true, force: true });
  }
}

/** The fewest copies that are more than half of `replicas`: writes go on while a minority is lost. */
export function majority(replicas: number): number {
  return Math.floor(replicas / 2) + 1;
}

/**
 * Every cluster saved directly under `parentDir`, a lone broker saved there counted as a cluster of one, so the
 * leftovers of an interrupted or killed run can be stopped.
 */
export function clustersUnder(parentDir: string): LocalKafkaCluster[] {
  if (!existsSync(parentDir)) return [];
  return readdirSync(parentDir).flatMap((entry) => {
    const dir = join(parentDir, entry);
    return LocalKafkaCluster.open(dir) ?? LocalKafkaCluster.openLoneBroker(dir) ?? [];
  });
}
