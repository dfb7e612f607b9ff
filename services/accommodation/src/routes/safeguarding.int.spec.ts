import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { auditLog } from '@resettle/platform/audit-schema';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../app.js';
import { accommodationBody } from '../test-support/accommodations.js';
import { releaseScheduledV2, watchTopic } from '../test-support/events.js';
import { addRestrictedArea, approvePlace, declinePlace, offenderManager } from '../test-support/reviews.js';

const coordinator: Caller = { sub: 'housing-probe', roles: ['accommodation-coordinator'], region: 'South West' };
const otherRegion: Caller = { sub: 'pp-wales', roles: ['probation'], region: 'Wales' };
const auditor: Caller = { sub: 'auditor-1', roles: ['auditor'] };
let ticks = 0;
/** A second later at every look, so proposals have an order. */
const clock = () => new Date(Date.parse('2026-11-02T10:00:00Z') + 1000 * ticks++);

/** Every local authority a coordinator might try, one after another, to find where she must not live. */
const PROBES = [
  ['Cardiff', 'CF10'],
  ['Plymouth', 'PL4'],
  ['Bristol', 'BS7'],
  ['Swindon', 'SN1'],
  ['North Somerset', 'BS20'],
  ['Bath and North East Somerset', 'BA1'],
] as const;

describe('safeguarding review instead of a restricted-area oracle', () => {
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

  async function releasedToSouthWest(personId: string) {
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, releaseId, '2026-11-18'));
    return releaseId;
  }

  async function propose(personId: string, releaseId: string, overrides: Record<string, unknown> = {}) {
    return eventually(async () => {
      const answer = await service.call(
        coordinator,
        'POST',
        '/api/accommodations',
        accommodationBody(personId, releaseId, overrides),
      );
      expect(answer.body.rule).not.toBe('RELEASE_NOT_YET_KNOWN');
      return answer;
    });
  }

  const auditRows = async (personId: string) =>
    (await service.context.db.select().from(auditLog)).filter((row) => row.personId === personId);

  it('probing every area as a coordinator gets byte-identical answers for a restricted woman and an unrestricted one, and every attempt is audited', async () => {
    const restricted = 'A2201AA';
    const unrestricted = 'A2202AA';
    const releases: Record<string, string> = {
      [restricted]: await releasedToSouthWest(restricted),
      [unrestricted]: await releasedToSouthWest(unrestricted),
    };
    await addRestrictedArea(service, restricted, { kind: 'local-authority', value: 'Bristol' });
    await addRestrictedArea(service, restricted, { kind: 'postcode-district', value: 'BS20' });

    const answersFor = async (personId: string) => {
      const releaseId = releases[personId]!;
      const answers: unknown[] = [];
      const first = await propose(personId, releaseId, { localAuthority: 'Bristol', postcodeDistrict: 'BS7' });
      answers.push([first.status, first.body]);
      for (const [localAuthority, postcodeDistrict] of PROBES) {
        const changed = await service.call(coordinator, 'PUT', `/api/accommodations/${first.body.id}`, {
          ...accommodationBody(personId, releaseId, { localAuthority, postcodeDistrict }),
          personId: undefined,
          releaseId: undefined,
        });
        answers.push([changed.status, changed.body]);
        const read = await service.call(coordinator, 'GET', `/api/accommodations/${first.body.id}`);
        answers.push([read.status, read.body]);
      }
      // A refused probe (a rule that has nothing to do with restricted areas) is refused alike, and still audited.
      const refused = await service.call(coordinator, 'PUT', `/api/accommodations/${first.body.id}`, {
        ...accommodationBody(personId, releaseId, { localAuthority: 'Bristol', confirmedFrom: '2026-11-19' }),
        personId: undefined,
        releaseId: undefined,
      });
      answers.push([refused.status, refused.body]);
      // Ids apart (hers, her release's, the record's and the request's), the answers must be the same bytes.
      return JSON.stringify(answers)
        .replace(/"correlationId":"[^"]+"/g, '"correlationId":"<request>"')
        .replaceAll(first.body.id, '<id>')
        .replaceAll(personId, '<person>')
        .replaceAll(releaseId, '<release>');
    };

    const toRestricted = await answersFor(restricted);
    const toUnrestricted = await answersFor(unrestricted);
    expect(toRestricted).toBe(toUnrestricted);
    expect(toRestricted).toContain('"safeguardingReview":"awaiting-review"');
    expect(toRestricted).not.toMatch(/restrict/i);

    // Each proposal and change is audited outside the business transaction, the refused one included.
    for (const personId of [restricted, unrestricted]) {
      const actions = (await auditRows(personId)).map((row) => `${row.action}:${row.outcome}`);
      expect(actions.filter((action) => action === 'propose-accommodation:allowed')).toHaveLength(1);
      expect(actions.filter((action) => action === 'propose-accommodation-change:allowed')).toHaveLength(
        PROBES.length + 1,
      );
      expect(actions).toContain('propose-accommodation-change-refused:denied');
    }
    const refusedRow = (await auditRows(restricted)).find((row) => row.action.endsWith('-refused'))!;
    expect(refusedRow.justification).toBe('422 NOT_CONFIRMED_FROM_RELEASE_DATE');

    // Nothing the coordinator's side of the system hears differs either: the same events and the same verdicts.
    await eventually(() => expect(watcher.judgementsFor(restricted)).toHaveLength(PROBES.length + 2));
    await eventually(() => expect(watcher.judgementsFor(unrestricted)).toHaveLength(PROBES.length + 2));
    const shape = (personId: string) => ({
      events: watcher.eventsFor(personId).map((event) => event.type),
      verdicts: watcher.judgementsFor(personId).map((judged) => [judged.status, judged.reasons, judged.missing]),
    });
    expect(shape(restricted)).toEqual(shape(unrestricted));
    expect(JSON.stringify(watcher.eventsFor(restricted))).not.toMatch(/restrict/i);
  });

  it('her offender manager sees the match and decides; the coordinator sees only approved or not suitable, never why', async () => {
    const personId = 'A2203AA';
    const releaseId = await releasedToSouthWest(personId);
    await addRestrictedArea(service, personId, { kind: 'postcode-district', value: 'BS7' });
    const inside = await propose(personId, releaseId, { postcodeDistrict: 'BS7' });
    expect(inside.status).toBe(201);

    const listed = await service.call(offenderManager, 'GET', '/api/safeguarding-reviews?pageSize=50');
    const item = listed.body.items.find(
      (review: { accommodationId: string }) => review.accommodationId === inside.body.id,
    );
    expect(item).toMatchObject({
      personId,
      review: 'awaiting-review',
      matchesRestrictedArea: true,
      matchingAreas: [{ kind: 'postcode-district', value: 'BS7' }],
      place: { localAuthority: 'Bristol', postcodeDistrict: 'BS7' },
    });
    // The pathway is in progress while the review is pending, not complete.
    await eventually(() => {
      const last = watcher.judgementsFor(personId).at(-1)!;
      expect(last.status).toBe('in-progress');
      expect(last.reasons.map((reason) => reason.rule)).toEqual(['AWAITING_SAFEGUARDING_REVIEW']);
    });

    const declined = await declinePlace(service, inside.body.id, 'Her former partner lives in BS7');
    expect(declined).toMatchObject({ review: 'not-suitable', declineReason: 'Her former partner lives in BS7' });
    const seen = await service.call(coordinator, 'GET', `/api/accommodations/${inside.body.id}`);
    expect(seen.body.safeguardingReview).toBe('not-suitable');
    expect(JSON.stringify(seen.body)).not.toMatch(/former partner|restrict/i);
    await eventually(() => {
      const last = watcher.judgementsFor(personId).at(-1)!;
      expect(last.status).toBe('at-risk');
      expect(last.reasons.map((reason) => reason.rule)).toEqual(['ACCOMMODATION_NOT_SUITABLE']);
      expect(JSON.stringify(last)).not.toMatch(/former partner|BS7/);
    });
    // A declined place is closed: she proposes another; once approved, the pathway is complete.
    const again = await service.call(coordinator, 'PUT', `/api/accommodations/${inside.body.id}`, {
      ...accommodationBody(personId, releaseId),
      personId: undefined,
      releaseId: undefined,
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('ACCOMMODATION_NOT_SUITABLE');
    const elsewhere = await propose(personId, releaseId, { postcodeDistrict: 'BS2' });
    expect(elsewhere.status).toBe(201);
    const approved = await approvePlace(service, elsewhere.body.id);
    expect(approved).toMatchObject({ review: 'approved', matchesRestrictedArea: false, reviewedBy: 'pp-1' });
    const twice = await service.call(
      offenderManager,
      'POST',
      `/api/safeguarding-reviews/${elsewhere.body.id}/approve`,
      { revision: approved.revision },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.rule).toBe('REVIEW_ALREADY_DECIDED');
    expect((await service.call(coordinator, 'GET', `/api/accommodations/${elsewhere.body.id}`)).body).toMatchObject({
      safeguardingReview: 'approved',
    });
    await eventually(() => expect(watcher.judgementsFor(personId).at(-1)!.status).toBe('complete'));
    const actions = (await auditRows(personId)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['decline-accommodation', 'approve-accommodation', 'approve-accommodation-refused']),
    );
    expect(JSON.stringify(await auditRows(personId))).not.toMatch(/former partner|BS7/);
  });

  it('a decision on a place changed since probation opened it is refused, and so is one from another region', async () => {
    const personId = 'A2204AA';
    const releaseId = await releasedToSouthWest(personId);
    const proposed = await propose(personId, releaseId);
    const opened = await service.call(offenderManager, 'GET', `/api/safeguarding-reviews/${proposed.body.id}`);
    await service.call(coordinator, 'PUT', `/api/accommodations/${proposed.body.id}`, {
      ...accommodationBody(personId, releaseId, { postcodeDistrict: 'BS3' }),
      personId: undefined,
      releaseId: undefined,
    });
    const stale = await service.call(offenderManager, 'POST', `/api/safeguarding-reviews/${proposed.body.id}/approve`, {
      revision: opened.body.revision,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.rule).toBe('ACCOMMODATION_CHANGED_SINCE_VIEWED');
    for (const [method, path, body] of [
      ['GET', `/api/safeguarding-reviews/${proposed.body.id}`, undefined],
      ['POST', `/api/safeguarding-reviews/${proposed.body.id}/approve`, { revision: 2 }],
      ['POST', `/api/safeguarding-reviews/${proposed.body.id}/decline`, { revision: 2, reason: 'no' }],
    ] as const) {
      expect((await service.call(otherRegion, method, path, body)).status).toBe(404);
    }
    const wales = await service.call(otherRegion, 'GET', '/api/safeguarding-reviews?show=all&pageSize=50');
    expect(wales.body).toMatchObject({ items: [], total: 0 });
    const denied = (await auditRows(personId)).filter((row) => row.outcome === 'denied' && row.sub === 'pp-wales');
    expect(denied.map((row) => row.action).sort()).toEqual(
      ['approve-accommodation', 'decline-accommodation', 'read-safeguarding-review'].sort(),
    );
    const still = await service.call(offenderManager, 'GET', `/api/safeguarding-reviews/${proposed.body.id}`);
    expect(still.body.review).toBe('awaiting-review');
  });

  it('restricted areas: probation of her region only (404 otherwise, audited as denied), added and removed one at a time with reasons, each audited without the area', async () => {
    const personId = 'A2205AA';
    const noReleaseYet = await service.call(offenderManager, 'GET', `/api/people/${personId}/restricted-areas`);
    expect(noReleaseYet.status).toBe(404); // her region is not known yet: never guessed
    await releasedToSouthWest(personId);
    const first = await addRestrictedArea(service, personId, { kind: 'local-authority', value: 'Swindon' });
    const second = await addRestrictedArea(service, personId, { kind: 'postcode-district', value: 'SN25' });
    const duplicate = await service.call(offenderManager, 'POST', `/api/people/${personId}/restricted-areas`, {
      kind: 'local-authority',
      value: 'swindon borough council',
      reason: 'again',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.rule).toBe('RESTRICTED_AREA_ALREADY_RECORDED');

    const removePath = `/api/people/${personId}/restricted-areas/${first.id}/remove`;
    for (const [method, path, body] of [
      ['GET', `/api/people/${personId}/restricted-areas`, undefined],
      ['POST', `/api/people/${personId}/restricted-areas`, { kind: 'postcode-district', value: 'SN1', reason: 'x' }],
      ['POST', removePath, { reason: 'He moved away' }],
    ] as const) {
      const answer = await service.call(otherRegion, method, path, body);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/Swindon|SN25/);
    }
    const noClaim = await service.call(
      { sub: 'pp-x', roles: ['probation'], region: '' },
      'GET',
      `/api/people/${personId}/restricted-areas`,
    );
    expect(noClaim.status).toBe(403);

    const removed = await service.call(offenderManager, 'POST', removePath, { reason: 'He moved away' });
    expect(removed.status).toBe(200);
    expect(removed.body.restrictedAreas.map((area: { id: string }) => area.id)).toEqual([second.id]);
    const again = await service.call(offenderManager, 'POST', removePath, { reason: 'He moved away' });
    expect(again.status).toBe(409);
    const read = await service.call(offenderManager, 'GET', `/api/people/${personId}/restricted-areas`);
    expect(read.body.restrictedAreas).toEqual([expect.objectContaining({ id: second.id, value: 'SN25' })]);

    const log = await service.call(auditor, 'GET', `/api/audit?personId=${personId}`);
    const trail = log.body.items.map(
      (entry: { action: string; sub: string; outcome: string }) => `${entry.action} ${entry.outcome} by ${entry.sub}`,
    );
    expect(trail).toEqual(
      expect.arrayContaining([
        'add-restricted-area allowed by pp-1',
        'remove-restricted-area allowed by pp-1',
        'read-restricted-areas allowed by pp-1',
        'read-restricted-areas denied by pp-wales',
        'add-restricted-area denied by pp-wales',
        'remove-restricted-area denied by pp-wales',
        'read-restricted-areas denied by pp-1',
      ]),
    );
    expect(trail.filter((line: string) => line === 'add-restricted-area allowed by pp-1')).toHaveLength(2);
    const removal = log.body.items.find((entry: { action: string }) => entry.action === 'remove-restricted-area');
    expect(removal).toMatchObject({ resourceId: first.id, categories: ['restricted-areas'] });
    expect(JSON.stringify(log.body)).not.toMatch(/Swindon|SN25|moved away|former partner/i);
    expect(JSON.stringify(watcher.eventsFor(personId))).not.toMatch(/Swindon|SN25/);
  });

  it('repeated declined proposals for one woman raise an alert for her offender manager, as an event and in her list', async () => {
    const personId = 'A2206AA';
    const releaseId = await releasedToSouthWest(personId);
    for (const district of ['BS3', 'BS4', 'BS5']) {
      const proposed = await propose(personId, releaseId, { postcodeDistrict: district });
      expect(proposed.status).toBe(201);
      await declinePlace(service, proposed.body.id, 'Not safe for her');
      if (district !== 'BS5') {
        expect(watcher.eventsFor(personId).map((event) => event.type)).not.toContain(
          'accommodation.safeguarding-alert',
        );
      }
    }
    await eventually(() =>
      expect(watcher.eventsFor(personId).filter((event) => event.type === 'accommodation.safeguarding-alert')).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ releaseId, probationRegion: 'South West', declinedProposals: 3 }),
        }),
      ]),
    );
    const alerts = await service.call(offenderManager, 'GET', '/api/safeguarding-alerts');
    expect(alerts.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId, releaseId, declinedProposals: 3 })]),
    );
    const wales = await service.call(otherRegion, 'GET', '/api/safeguarding-alerts');
    expect(wales.body.items).toEqual([]);
    const review = await service.call(offenderManager, 'GET', '/api/safeguarding-reviews?show=not-suitable');
    const hers = review.body.items.filter((item: { personId: string }) => item.personId === personId);
    expect(hers.map((item: { place: { postcodeDistrict: string } }) => item.place.postcodeDistrict)).toEqual([
      'BS5',
      'BS4',
      'BS3',
    ]);
    expect(hers[0].declinedProposals).toBe(3);
  });

  it('lists reviews newest first, one page at a time', async () => {
    const first = await service.call(offenderManager, 'GET', '/api/safeguarding-reviews?show=all&pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThan(2);
    const second = await service.call(offenderManager, 'GET', '/api/safeguarding-reviews?show=all&pageSize=2&page=2');
    const ids = (page: { body: { items: { accommodationId: string }[] } }) =>
      page.body.items.map((item) => item.accommodationId);
    expect(ids(second)).not.toEqual(expect.arrayContaining(ids(first)));
    const times = [...first.body.items, ...second.body.items].map((item: { proposedAt: string }) => item.proposedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
