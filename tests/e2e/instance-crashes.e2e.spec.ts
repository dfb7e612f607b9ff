import { randomBytes } from 'node:crypto';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minusOneDay, ordinaryFriday } from '../shared/people.js';
import {
  acceptHandoff,
  arrangeTravel,
  bookHandoff,
  confirmAccommodation,
  passportOf,
  passportWhen,
  type Release,
  scheduleRelease,
} from './support/journey.js';
import { RunningSystem, type ServiceName } from './support/system.js';
import { registerProviderWebhook, WebhookReceiver } from './support/webhooks.js';

const WOMEN = Array.from({ length: 30 }, (_, index) => `C7${String(index + 1).padStart(3, '0')}AA`);
const SERVICES: ServiceName[] = [
  'release-scheduling',
  'treatment-continuity',
  'accommodation',
  'transport',
  'passport',
];
// Two processes of every service on the shared broker; one of each (the relay leader) is SIGKILLed mid-journey.
describe('the ordinary journey for many women with two instances of every service, one of each killed', () => {
  let system: RunningSystem;
  const webhooks = new WebhookReceiver();
  /** Every POST the provider's end received, by the handoff it is about. */
  const delivered = () =>
    webhooks.received.map(({ headers, event }) => ({
      personId: String(event.personId),
      handoffId: String(event.data.handoffId),
      eventId: String(headers['webhook-id']),
    }));
  beforeAll(async () => {
    const webhookUrl = await webhooks.listen();
    system = await RunningSystem.start({
      instances: 2,
      env: {
        WEBHOOK_POLL_MS: '200',
        // One planner, nurse and coordinator book every woman's journey: on a quiet machine they pass the default 600
        // requests a minute each (429). This test is about crashes, not the rate limit (rate-limit.int.spec is).
        RATE_LIMIT_PER_MINUTE: '1000000',
        // The receiver is on 127.0.0.1 over http (development only); both instances seal with one key.
        WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
        WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      },
    });
    await registerProviderWebhook(system, webhookUrl);
  }, 240_000);
  afterAll(async () => {
    await system?.stop();
    await webhooks.close();
  });

  it('completes every passport, sends each handoff once, and moves relay leadership to the survivor', async () => {
    const started = Date.now();
    const leaders = new Map<ServiceName, number>();
    for (const service of SERVICES) {
      leaders.set(service, await eventually(async () => expectDefined(await system.relayLeader(service)), 30_000));
    }

    // Readers all along: a probation officer's passport views go round both passport instances.
    const releases: Release[] = [];
    let reading = true;
    let reads = 0;
    const readers = (async () => {
      while (reading) {
        for (const release of releases.slice(0, 10)) {
          await passportOf(system, release.id).catch(() => undefined);
          reads += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const wednesday = minusOneDay(minusOneDay(ordinaryFriday(28)));
    releases.push(
      ...(await Promise.all(
        WOMEN.map((personId) => scheduleRelease(system, personId, { legalReleaseDate: wednesday })),
      )),
    );
    // While the release events are on their way to four consumer groups: the relay leader of each service dies.
    const killedAt = Date.now();
    for (const service of SERVICES) system.kill(service, leaders.get(service));
    const survivorOf = (service: ServiceName) => 1 - (leaders.get(service) ?? 0);
    // Committed before the kill and not yet on Kafka: the survivor must publish these once it leads.
    const pendingAtKill = Object.fromEntries(
      await Promise.all(
        SERVICES.map(async (service) => [service, (await system.health(service, survivorOf(service))).outboxPending]),
      ),
    );
    const takeoverMs = new Map<ServiceName, number>();
    await Promise.all(
      SERVICES.map(async (service) => {
        await eventually(async () =>
          expect((await system.health(service, survivorOf(service))).relayLeader).toBe(true),
        );
        takeoverMs.set(service, Date.now() - killedAt);
      }),
    );

    const handoffs = await Promise.all(releases.map((release) => bookHandoff(system, release)));
    // The killed instances come back while the journey goes on: the consumer groups rebalance again, under load.
    const restarted = Promise.all(SERVICES.map((service) => system.restart(service, leaders.get(service))));
    await Promise.all(handoffs.map((handoff) => eventually(() => acceptHandoff(system, handoff.id), 60_000, 500)));
    // Back in their groups, the restarted instances share the partitions again for the rest of the journey.
    await restarted;
    await Promise.all(releases.map((release) => confirmAccommodation(system, release)));
    await Promise.all(releases.map((release) => arrangeTravel(system, release)));
    for (const release of releases) {
      await passportWhen(system, release.id, (passport) => expect(passport.complete).toBe(true), 90_000);
    }
    reading = false;
    await readers;
    const completedMs = Date.now() - started;

    // Leadership stayed with the survivor once it moved; every event written before and after the kill is out.
    const redeliveriesSkipped: Record<string, number> = {};
    const appliedBySurvivorAndRestarted: Record<string, [number, number]> = {};
    for (const service of SERVICES) {
      expect(await system.relayLeader(service), service).toBe(survivorOf(service));
      await eventually(async () => expect((await system.health(service, survivorOf(service))).outboxPending).toBe(0));
      const [survivor, restarted] = await Promise.all(
        [survivorOf(service), leaders.get(service) ?? 0].map((index) => system.health(service, index)),
      );
      redeliveriesSkipped[service] = (survivor?.duplicates ?? 0) + (restarted?.duplicates ?? 0);
      appliedBySurvivorAndRestarted[service] = [survivor?.applied ?? 0, restarted?.applied ?? 0];
    }

    const handoffIds = new Set(handoffs.map((handoff) => handoff.id));
    await eventually(
      () => expect(new Set(delivered().map((delivery) => delivery.handoffId))).toEqual(handoffIds),
      90_000,
      500,
    );
    // The clinical handoff goes to the provider's webhook only (no topic carries it): one handoff per woman, each
    // sent under one webhook-id however often it was posted.
    for (const personId of WOMEN) {
      const hers = delivered().filter((delivery) => delivery.personId === personId);
      expect(new Set(hers.map((delivery) => delivery.handoffId)).size, personId).toBe(1);
    }
    for (const handoffId of handoffIds) {
      const deliveries = delivered().filter((delivery) => delivery.handoffId === handoffId);
      expect(new Set(deliveries.map((delivery) => delivery.eventId)).size, handoffId).toBe(1);
    }

    console.info(
      JSON.stringify({
        women: WOMEN.length,
        completedSeconds: Math.round(completedMs / 1000),
        relayTakeoverMs: Object.fromEntries(takeoverMs),
        outboxPendingAtKill: pendingAtKill,
        redeliveriesSkipped,
        appliedBySurvivorAndRestarted,
        passportReads: reads,
        callsRetriedOnTheOtherInstance: system.retriedCalls,
        webhookPosts: webhooks.received.length,
        handoffs: handoffIds.size,
      }),
    );
  }, 360_000);
});

function expectDefined<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}
