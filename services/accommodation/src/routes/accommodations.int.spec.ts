import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../app.js';
import { accommodationBody } from '../test-support/accommodations.js';
import { releaseScheduled, treatmentIn, watchTopic } from '../test-support/events.js';
import { addRestrictedArea } from '../test-support/reviews.js';

const coordinator: Caller = { sub: 'housing-1', roles: ['accommodation-coordinator'], region: 'South West' };
const probation: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('accommodation API on the real database and broker', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;

  beforeAll(async () => {
    service = await startTestService(accommodation, { clock });
    watcher = await watchTopic(TOPICS.accommodation, service.namespace);
  });
  afterAll(async () => {
    await watcher.close();
    await service.close();
  });

  /** Publishes her release and waits until the service knows it (a POST stops answering 409 RELEASE_NOT_YET_KNOWN). */
  async function knownRelease(personId: string, body: Record<string, unknown> = {}) {
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    const created = await eventually(async () => {
      const response = await service.call(coordinator, 'POST', '/api/accommodations', {
        ...accommodationBody(personId, releaseId),
        ...body,
      });
      expect(response.body.rule).not.toBe('RELEASE_NOT_YET_KNOWN');
      return response;
    });
    return { releaseId, created };
  }

  it('confirms accommodation from the release date and publishes accommodation.confirmed once', async () => {
    const { releaseId, created } = await knownRelease('A2001AA');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      releaseId,
      status: 'confirmed',
      localTreatmentMismatch: false,
      safeguardingReview: 'awaiting-review',
    });
    await eventually(() =>
      expect(watcher.eventsFor('A2001AA').map((event) => event.type)).toEqual(['accommodation.confirmed']),
    );
    const again = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody('A2001AA', releaseId),
    );
    expect(again.status).toBe(409);
    const listed = await service.call(coordinator, 'GET', `/api/accommodations?releaseId=${releaseId}`);
    expect(listed.body.items).toHaveLength(1);
  });

  it('never answers about restricted areas: only probation of her region reads them, and no one replaces them wholesale', async () => {
    const personId = 'A2003AA';
    await knownRelease(personId);
    const added = await addRestrictedArea(service, personId, { kind: 'postcode-district', value: 'M14' });
    const read = await service.call(probation, 'GET', `/api/people/${personId}/restricted-areas`);
    expect(read.body).toMatchObject({
      personId,
      restrictedAreas: [{ id: added.id, kind: 'postcode-district', value: 'M14', recordedBy: 'pp-1' }],
    });
    const coordinatorRead = await service.call(coordinator, 'GET', `/api/people/${personId}/restricted-areas`);
    expect(coordinatorRead.status).toBe(403);
    const wholesale = await service.call(probation, 'PUT', `/api/people/${personId}/restricted-areas`, {
      restrictedAreas: [],
    });
    expect(wholesale.status).toBe(404);
    const badDistrict = await service.call(probation, 'POST', `/api/people/${personId}/restricted-areas`, {
      kind: 'postcode-district',
      value: 'not a district',
      reason: 'Her former partner lives there',
    });
    expect(badDistrict.status).toBe(400);
    expect(badDistrict.body.errors[0].field).toBe('body.value');
    const noReason = await service.call(probation, 'POST', `/api/people/${personId}/restricted-areas`, {
      kind: 'postcode-district',
      value: 'M15',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');
  });

  it('answers 400 naming the field for malformed input, 409 to retry for a release not known yet, 403 for the wrong role', async () => {
    const releaseId = randomUUID();
    const badPerson = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody('nope', releaseId),
    );
    expect(badPerson.status).toBe(400);
    expect(badPerson.body.errors[0].field).toBe('body.personId');
    const { womenOnly: _, ...missing } = accommodationBody('A2004AA', releaseId);
    const noWomenOnly = await service.call(coordinator, 'POST', '/api/accommodations', missing);
    expect(noWomenOnly.status).toBe(400);
    expect(noWomenOnly.body.errors[0].field).toBe('body.womenOnly');
    const unknown = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody('A2004AA', releaseId),
    );
    // Not the caller's mistake: the release's event may still be on its way.
    expect(unknown.status).toBe(409);
    expect(unknown.headers['retry-after']).toBe('2');
    expect(unknown.body).toMatchObject({ field: 'body.releaseId', rule: 'RELEASE_NOT_YET_KNOWN' });
    expect(unknown.body.detail).toContain('try again in a moment');
    const wrongRole = await service.call(
      { sub: 't-1', roles: ['transport-coordinator'], prison: 'EHI' },
      'POST',
      '/api/accommodations',
      accommodationBody('A2004AA', releaseId),
    );
    expect(wrongRole.status).toBe(403);
  });

  it('refuses accommodation confirmed only from after the release date, naming the rule', async () => {
    const { created } = await knownRelease('A2005AA', { confirmedFrom: '2026-11-19' });
    expect(created.status).toBe(422);
    expect(created.body).toMatchObject({ rule: 'NOT_CONFIRMED_FROM_RELEASE_DATE', field: 'confirmedFrom' });
  });

  it('records type none as incomplete, flags a provider in another area, and withdraws', async () => {
    const { releaseId, created } = await knownRelease('A2006AA', {
      type: 'none',
      localAuthority: null,
      postcodeDistrict: null,
      confirmedFrom: null,
      confirmedBy: null,
    });
    expect(created.body).toMatchObject({
      status: 'incomplete',
      statusReason: 'No release-night accommodation recorded',
    });
    await watcher.publish(TOPICS.treatmentLogistics, treatmentIn('A2006AA', releaseId, 'Bath and North East Somerset'));
    await eventually(async () => {
      const changed = await service.call(coordinator, 'PUT', `/api/accommodations/${created.body.id}`, {
        ...accommodationBody('A2006AA', releaseId),
        personId: undefined,
        releaseId: undefined,
      });
      expect(changed.body).toMatchObject({ status: 'confirmed', localTreatmentMismatch: true });
    });
    const withdrawn = await service.call(coordinator, 'POST', `/api/accommodations/${created.body.id}/withdraw`, {
      reason: 'Place withdrawn by the provider',
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    await eventually(() => {
      const events = watcher.eventsFor('A2006AA');
      expect(events[0]).toMatchObject({ type: 'accommodation.confirmed', data: { type: 'none' } });
      expect(events.at(-1)).toMatchObject({ type: 'accommodation.withdrawn' });
    });
  });
});
