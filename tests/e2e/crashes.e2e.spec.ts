import { servicePrincipals } from '@resettle/messaging';
import { eventually, type LocalKafkaBroker, ownSecureKafkaBroker } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minusOneDay, ordinaryFriday, provider } from '../shared/people.js';
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
  beforeAll(async () => {
    const own = await ownSecureKafkaBroker('e2e-crash', servicePrincipals());
    broker = own.broker;
    await broker.start();
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

    // The clinical handoff goes to the provider only (its inbox, or its webhook; no topic carries it): one per woman.
    const inbox = await system.call('treatment-continuity', provider, 'GET', '/api/provider/handoffs?pageSize=200');
    expect(inbox.status).toBe(200);
    const handoffsPerWoman = new Map<string, Set<string>>();
    for (const handoff of inbox.body.items as { personId: string; id: string }[]) {
      handoffsPerWoman.set(handoff.personId, (handoffsPerWoman.get(handoff.personId) ?? new Set()).add(handoff.id));
    }
    expect([...handoffsPerWoman.keys()].sort()).toEqual([...WOMEN].sort());
    for (const personId of WOMEN) expect(handoffsPerWoman.get(personId)?.size, personId).toBe(1);
  }, 420_000);
});
