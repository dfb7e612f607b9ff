import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rebuildGroupPrefix, TOPICS, type TopicAccess, type TopicName, topicAccess } from '@resettle/contracts';
import { type BrokerSecurity, type ClientSecurity, ensureBrokerCertificates, type ScramUser } from '@resettle/infra';
import {
  createEventBus,
  type EventBus,
  type IncomingMessage,
  type KafkaSecurity,
  provisionServiceAccess,
  scramOverTls,
} from '@resettle/messaging';
import { eventually, type LocalKafkaBroker, ownSecureKafkaBroker } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = pino({ level: 'silent' });
const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1_000;

// A broker of this file's own: SASL/SCRAM over TLS on its client listener and ACLs derived from the contracts.
describe('Kafka with TLS, SASL/SCRAM and ACLs per service', () => {
  let broker: LocalKafkaBroker;
  let security: BrokerSecurity & { admin: ScramUser };
  let client: ClientSecurity;
  let access: TopicAccess[];
  const buses: EventBus[] = [];

  /** A bus logged in as `user`, over TLS trusting the broker's CA unless `tls` says otherwise (`false`: no TLS). */
  const busAs = (user: ScramUser, tls: KafkaSecurity['tls'] | false = { caFile: client.caFile }): EventBus => {
    const bus = createEventBus({
      brokers: [broker.brokers],
      clientId: `acl-${user.name}`,
      logger,
      security: { ...saslOf(user), ...(tls ? { tls } : {}) },
    });
    buses.push(bus);
    return bus;
  };
  const userNamed = (name: string): ScramUser => {
    const user = security.users.find((candidate) => candidate.name === name);
    if (!user) throw new Error(`no user ${name}`);
    return user;
  };

  beforeAll(async () => {
    access = topicAccess();
    ({ broker, security, client } = await ownSecureKafkaBroker(
      'kafka-acl',
      access.map((entry) => entry.service),
    ));
    await broker.start();
    // As `pnpm start` and the e2e systems do: the admin makes every topic and grants each service its own.
    await provisionServiceAccess({
      brokers: [broker.brokers],
      admin: scramOverTls(client.admin, client.caFile),
      retentionMs: SEVEN_DAYS_MS,
    });
    // The controller has the ACLs once createAcls answers; the broker applies them a moment later.
    const accommodation = busAs(userNamed('accommodation'));
    await eventually(() => accommodation.endOffsets(TOPICS.accommodation), 20_000, 200);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close().catch(() => {})));
    await broker?.stop();
    broker?.removeData();
  });

  it('derives from the contracts that accommodation reads logistics, not the treatment status events', () => {
    const accommodation = access.find((entry) => entry.service === 'accommodation');
    expect(accommodation?.produces).toContain(TOPICS.accommodation);
    expect(accommodation?.consumes).toContain(TOPICS.treatmentLogistics);
    expect(accommodation?.consumes).not.toContain(TOPICS.treatmentContinuity);
  });

  it('makes every topic, dead-letter topics included, with the retention asked for', async () => {
    const admin = busAs(security.admin);
    const topics = [...new Set(access.flatMap((entry) => entry.produces))];
    expect(topics).toContain(TOPICS.treatmentLogistics);
    for (const topic of topics) expect((await admin.describeTopic(topic)).retentionMs, topic).toBe(SEVEN_DAYS_MS);
  });

  it('lets a service write its own topic and read the topics it consumes, in its own group', async () => {
    const accommodation = busAs(userNamed('accommodation'));
    const treatment = busAs(userNamed('treatment-continuity'));
    const key = randomUUID();
    await accommodation.send(TOPICS.accommodation, [{ key, value: '{"own":"topic"}' }]);
    await treatment.send(TOPICS.treatmentLogistics, [{ key, value: '{"for":"accommodation"}' }]);

    const received: IncomingMessage[] = [];
    const subscription = await accommodation.subscribe({
      groupId: 'accommodation',
      topics: [TOPICS.treatmentLogistics],
      handle: async (message) => {
        received.push(message);
      },
    });
    try {
      await eventually(() => expect(received.map((message) => message.key)).toContain(key), 30_000, 100);
    } finally {
      await subscription.stop();
    }
    const written = await accommodation.endOffsets(TOPICS.accommodation).catch((error: unknown) => error);
    // Describe is granted on its own topic, so it can see how far it has written.
    expect(written).toBeInstanceOf(Map);
  });

  it('refuses a service reading or writing a topic it is not entitled to', async () => {
    const accommodation = busAs(userNamed('accommodation'));
    const readAttempt = await accommodation
      .subscribe({ groupId: 'accommodation', topics: [TOPICS.treatmentContinuity], handle: async () => {} })
      .then(
        async (subscription) => {
          await subscription.stop();
          return 'subscribed';
        },
        (error: unknown) => error,
      );
    expect(describeRefusal(readAttempt)).toMatch(/AUTHORIZATION_FAILED/);
    const writeAttempt = await accommodation.send(TOPICS.treatmentContinuity, [{ key: 'k', value: '{}' }]).then(
      () => 'sent',
      (error: unknown) => error,
    );
    expect(describeRefusal(writeAttempt)).toMatch(/AUTHORIZATION_FAILED/);
    // Nor may it use another service's consumer group: the bus keeps retrying to join it, and the group's committed
    // offsets (what `lag` reads) are refused.
    const handled: IncomingMessage[] = [];
    const otherGroup = await accommodation.subscribe({
      groupId: 'transport',
      topics: [TOPICS.treatmentLogistics],
      handle: async (message) => {
        handled.push(message);
      },
    });
    try {
      const lag = await otherGroup.lag().then(
        () => 'described',
        (error: unknown) => error,
      );
      // The broker answers FindCoordinator for a group without Describe with GROUP_AUTHORIZATION_FAILED, which
      // kafkajs reports as not finding the coordinator; nothing is delivered either way.
      expect(describeRefusal(lag)).toMatch(/AUTHORIZATION_FAILED|Failed to find group coordinator/);
      await sleep(2_000);
      expect(handled).toEqual([]);
    } finally {
      await otherGroup.stop();
    }
  });

  it("lets the passport's rebuild read in a fresh group of its own, and no other service use one", async () => {
    const accommodation = busAs(userNamed('accommodation'));
    const passport = busAs(userNamed('passport'));
    const key = randomUUID();
    await accommodation.send(TOPICS.accommodation, [{ key, value: '{"for":"the rebuild"}' }]);
    const read = async (bus: EventBus, groupId: string, topic: TopicName) => {
      const received: string[] = [];
      const subscription = await bus.subscribe({
        groupId,
        topics: [topic],
        fromBeginning: true,
        handle: async (message) => {
          received.push(message.key ?? '');
        },
      });
      return { received, subscription };
    };
    const rebuild = await read(passport, `${rebuildGroupPrefix('passport')}${randomUUID()}`, TOPICS.accommodation);
    try {
      await eventually(() => expect(rebuild.received).toContain(key), 30_000, 100);
    } finally {
      await rebuild.subscription.stop();
    }
    // Accommodation may read the treatment logistics, but not in a group named as the passport's rebuild names its.
    const treatment = busAs(userNamed('treatment-continuity'));
    await treatment.send(TOPICS.treatmentLogistics, [{ key, value: '{"for":"accommodation"}' }]);
    const borrowed = await read(
      accommodation,
      `${rebuildGroupPrefix('passport')}${randomUUID()}`,
      TOPICS.treatmentLogistics,
    );
    // A one-off reader that must join in time (as the rebuild does) is told why instead of waiting for ever.
    const borrowedGroup = `${rebuildGroupPrefix('passport')}${randomUUID()}`;
    const joining = accommodation.subscribe({
      groupId: borrowedGroup,
      topics: [TOPICS.treatmentLogistics],
      joinWithinMs: 5_000,
      handle: async () => {},
    });
    await expect(joining).rejects.toThrow(
      new RegExp(`could not join consumer group "${borrowedGroup}" within 5 s: .*refused the group`),
    );
    try {
      const lag = await borrowed.subscription.lag().then(
        () => 'described',
        (error: unknown) => error,
      );
      expect(describeRefusal(lag)).toMatch(/AUTHORIZATION_FAILED|Failed to find group coordinator/);
      await sleep(2_000);
      expect(borrowed.received).toEqual([]);
    } finally {
      await borrowed.subscription.stop();
    }
  });

  it("refuses a client without TLS, and one that does not trust the broker's CA", async () => {
    const withoutTls = busAs(userNamed('accommodation'), false);
    // A CA of its own, made the same way: trusting some throwaway CA is not enough, it must be the broker's.
    const otherCa = ensureBrokerCertificates(join(broker.handle.dataDir, 'other-ca')).caFile;
    const trustingAnother = busAs(userNamed('accommodation'), { caFile: otherCa });
    const attempts = await Promise.all(
      [withoutTls, trustingAnother].map((bus) =>
        bus.send(TOPICS.accommodation, [{ key: 'k', value: '{}' }]).then(
          () => 'sent',
          (error: unknown) => error,
        ),
      ),
    );
    expect(describeRefusal(attempts[0])).toMatch(/Connection|closed/i);
    expect(describeRefusal(attempts[1])).toMatch(/certificate/i);
  }, 60_000);

  it('refuses a wrong password', async () => {
    const impostor = busAs({ name: 'accommodation', password: 'not-the-password' });
    const attempt = await impostor.send(TOPICS.accommodation, [{ key: 'k', value: '{}' }]).then(
      () => 'sent',
      (error: unknown) => error,
    );
    expect(describeRefusal(attempt)).toMatch(/SASL|authentication/i);
  });
});

function saslOf(user: ScramUser): KafkaSecurity {
  return { sasl: { mechanism: 'scram-sha-512', username: user.name, password: user.password } };
}

/** The error's kafkajs type and message (and its cause's), to match a refusal on. */
function describeRefusal(error: unknown): string {
  if (typeof error === 'string') return error;
  const parts: string[] = [];
  let current = error as { type?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    parts.push(`${current.type ?? ''} ${current.message ?? ''}`);
    current = current.cause as typeof current;
  }
  return parts.join(' | ');
}
