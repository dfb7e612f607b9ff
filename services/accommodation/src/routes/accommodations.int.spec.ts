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
    expect(created.body).toMatchObject({ releaseId, status: 'confirmed', localTreatmentMismatch: false });
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

  it('refuses accommodation inside a restricted area without saying which, storing and emitting nothing', async () => {
    const personId = 'A2002AA';
    const areas = {
      restrictedAreas: [
        { kind: 'local-authority', value: 'South Gloucestershire' },
        { kind: 'postcode-district', value: 'BS7' },
      ],
    };
    const recorded = await service.call(probation, 'PUT', `/api/people/${personId}/restricted-areas`, areas);
    expect(recorded.status).toBe(200);
    const inside = { localAuthority: 'South Gloucestershire', postcodeDistrict: 'BS32' };
    const { releaseId, created } = await knownRelease(personId, inside);
    expect(created.status).toBe(422);
    expect(created.body.rule).toBe('ACCOMMODATION_IN_RESTRICTED_AREA');
    expect(JSON.stringify(created.body)).not.toMatch(/Gloucestershire|BS7|BS32/);
    const byDistrict = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId, { postcodeDistrict: 'bs 7' }),
    );
    expect(byDistrict.status).toBe(422);
    expect(JSON.stringify(byDistrict.body)).not.toMatch(/BS7|bs 7/i);
    const listed = await service.call(coordinator, 'GET', `/api/accommodations?releaseId=${releaseId}`);
    expect(listed.body.items).toEqual([]);
    // Her next, acceptable accommodation is the first event she has: the refusals emitted nothing.
    const elsewhere = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId),
    );
    expect(elsewhere.status).toBe(201);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/Gloucestershire|BS7/);
    await eventually(() =>
      expect(watcher.eventsFor(personId).map((event) => event.type)).toEqual(['accommodation.confirmed']),
    );
    expect(JSON.stringify(watcher.eventsFor(personId))).not.toMatch(/Gloucestershire|BS7/);
  });

  it('shows restricted areas to probation only', async () => {
    const areas = { restrictedAreas: [{ kind: 'postcode-district', value: 'M14' }] };
    await service.call(probation, 'PUT', '/api/people/A2003AA/restricted-areas', areas);
    const read = await service.call(probation, 'GET', '/api/people/A2003AA/restricted-areas');
    expect(read.body).toEqual({ personId: 'A2003AA', ...areas });
    const coordinatorRead = await service.call(coordinator, 'GET', '/api/people/A2003AA/restricted-areas');
    expect(coordinatorRead.status).toBe(403);
    const coordinatorWrite = await service.call(coordinator, 'PUT', '/api/people/A2003AA/restricted-areas', areas);
    expect(coordinatorWrite.status).toBe(403);
    const badDistrict = await service.call(probation, 'PUT', '/api/people/A2003AA/restricted-areas', {
      restrictedAreas: [{ kind: 'postcode-district', value: 'not a district' }],
    });
    expect(badDistrict.status).toBe(400);
    expect(badDistrict.body.errors[0].field).toBe('body.restrictedAreas.0.value');
    const log = await service.call({ sub: 'auditor-1', roles: ['auditor'] }, 'GET', '/api/audit?personId=A2003AA');
    const actions = log.body.items.map((entry: { action: string; sub: string }) => `${entry.action} by ${entry.sub}`);
    expect(actions).toEqual(['read-restricted-areas by pp-1', 'record-restricted-areas by pp-1']);
    expect(JSON.stringify(log.body)).not.toContain('M14');
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
