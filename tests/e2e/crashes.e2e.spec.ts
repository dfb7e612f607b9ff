import { randomUUID } from 'node:crypto';
import { TOPICS, topicName } from '@resettle/contracts';
import { createEventBus, scramOverTls, servicePrincipals } from '@resettle/messaging';
import { eventually, type LocalKafkaBroker, ownSecureKafkaBroker } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minusOneDay, ordinaryFriday } from '../shared/people.js';
import {
  acceptHandoff,
  arrangeTravel,
  bookHandoff,
  confirmAccommodation,
  passportWhen,
  type Release,
  scheduleRelease,
} from './support/journey.js';
import { RunningSystem, type ServiceName } from './support/system.js';

const WOMEN = ['C6001AA', 'C6002AA', 'C6003AA', 'C6004AA', 'C6005AA', 'C6006AA'];

// Crashes its own broker and services, so it runs on a broker of its own (SASL_SSL and ACLs, as `pnpm start`).
describe('the ordinary journey for many women while every process crashes in turn', () => {
  let broker: LocalKafkaBroker;
  let system: RunningSystem;
  let admin: ReturnType<typeof scramOverTls>;
  beforeAll(async () => {
    const own = await ownSecureKafkaBroker('e2e-crash', servicePrincipals());
    broker = own.broker;
    await broker.start();
    admin = scramOverTls(own.client.admin, own.client.caFile);
    system = await RunningSystem.start({ kafkaBrokers: [broker.brokers], kafkaSecurity: own.client });
  }, 240_000);
  afterAll(async () => {
    await system?.stop();
    await broker.stop();
    broker.removeData();
  });

  async function crash(...services: ServiceName[]) {
    for (const service of services) system.kill(service); // SIGKILL: no shutdown hooks, nothing flushed
    for (const service of services) await system.restart(service);
  }

  it('ends with every passport complete, and no provider receives a handoff twice', async () => {
    const wednesday = minusOneDay(minusOneDay(ordinaryFriday(28)));
    const releases: Release[] = await Promise.all(
      WOMEN.map((personId) => scheduleRelease(system, personId, { legalReleaseDate: wednesday })),
    );
    await crash('treatment-continuity', 'passport'); // while the release events are in flight
    const handoffs = await Promise.all(releases.map((release) => bookHandoff(system, release)));
    await crash('release-scheduling', 'accommodation', 'transport');
    await Promise.all(handoffs.map((handoff) => eventually(() => acceptHandoff(system, handoff.id), 60_000, 500)));
    await broker.kill();
    await broker.start();
    await Promise.all(releases.map((release) => confirmAccommodation(system, release)));
    await crash('passport');
    await Promise.all(releases.map((release) => arrangeTravel(system, release)));
    for (const release of releases) {
      await passportWhen(system, release.id, (passport) => expect(passport.complete).toBe(true), 90_000);
    }

    const bus = createEventBus({
      brokers: [broker.brokers],
      clientId: 'crash-count',
      logger: pino({ level: 'silent' }),
      security: admin,
    });
    const handoffsPerWoman = new Map<string, Set<string>>();
    const watch = await bus.subscribe({
      groupId: `count-${randomUUID()}`,
      topics: [topicName(TOPICS.providerHandoffs, system.topicPrefix)],
      handle: async (message) => {
        const event = JSON.parse(message.value!.toString());
        const ids = handoffsPerWoman.get(event.personId) ?? new Set<string>();
        handoffsPerWoman.set(event.personId, ids.add(event.data.handoffId));
      },
    });
    try {
      await eventually(() => expect([...handoffsPerWoman.keys()].sort()).toEqual([...WOMEN].sort()), 60_000);
      for (const personId of WOMEN) expect(handoffsPerWoman.get(personId)?.size, personId).toBe(1);
    } finally {
      await watch.stop();
      await bus.close();
    }
  }, 420_000);
});
