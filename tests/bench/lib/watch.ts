import { randomUUID } from 'node:crypto';
import { TOPICS, topicName } from '@resettle/contracts';
import type { Infra } from './infra.js';

export interface SeenEvent {
  correlationId?: string;
  releaseId?: string;
}

/** Follows events of one type on a namespace's topic, calling `seen` with each one's arrival time. */
export async function watchEvents(
  infra: Infra,
  topic: string,
  type: string,
  fromBeginning: boolean,
  seen: (event: SeenEvent, at: number) => void,
): Promise<() => Promise<void>> {
  const bus = infra.bus(`bench-watch-${randomUUID()}`);
  const subscription = await bus.subscribe({
    groupId: `bench-watch-${randomUUID()}`,
    topics: [topic],
    fromBeginning,
    handle: async (message) => {
      const at = performance.now();
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        type?: string;
        correlationId?: string;
        data?: { releaseId?: string };
      };
      if (event.type === type) seen({ correlationId: event.correlationId, releaseId: event.data?.releaseId }, at);
    },
  });
  return async () => {
    await subscription.stop();
    await bus.close();
  };
}

/** `passport.updated` on the namespace's passport topic. */
export function watchPassportUpdates(
  infra: Infra,
  prefix: string,
  fromBeginning: boolean,
  seen: (event: SeenEvent, at: number) => void,
): Promise<() => Promise<void>> {
  return watchEvents(infra, topicName(TOPICS.passport, prefix), 'passport.updated', fromBeginning, seen);
}
