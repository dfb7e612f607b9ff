import type { EventBus, IncomingMessage } from '@resettle/messaging';

/** The end offsets of some topics, taken once: what a rebuild reads up to, and how far it has got. */
export class EndOfTopics {
  private readonly reachedOffsets = new Map<string, bigint>();

  /** `ends`: the offset after each partition's last message, by `topic/partition` (a worker gets its parent's). */
  constructor(readonly ends: ReadonlyMap<string, bigint>) {}

  static async take(bus: EventBus, topics: string[]): Promise<EndOfTopics> {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const [partition, high] of await bus.endOffsets(topic)) ends.set(`${topic}/${partition}`, high);
    }
    return new EndOfTopics(ends);
  }

  get total(): number {
    let sum = 0n;
    for (const high of this.ends.values()) sum += high;
    return Number(sum);
  }

  includes(message: IncomingMessage): boolean {
    return BigInt(message.offset) < (this.ends.get(keyOf(message)) ?? 0n);
  }

  passed(message: IncomingMessage): void {
    const key = keyOf(message);
    const next = BigInt(message.offset) + 1n;
    const end = this.ends.get(key) ?? 0n;
    this.reachedOffsets.set(key, next < end ? next : end);
  }

  done(): number {
    let sum = 0n;
    for (const offset of this.reachedOffsets.values()) sum += offset;
    return Number(sum);
  }

  reached(): boolean {
    return [...this.ends].every(([key, end]) => (this.reachedOffsets.get(key) ?? 0n) >= end);
  }
}

function keyOf(message: IncomingMessage): string {
  return `${message.topic}/${message.partition}`;
}
