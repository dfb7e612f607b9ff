import { describe, expect, it } from 'vitest';
import { createEvent, parseEvent } from './validate.js';

const releaseScheduled = () =>
  createEvent({
    type: 'release.scheduled',
    personId: 'A1234BC',
    source: 'release-scheduling',
    correlationId: 'corr-1',
    occurredAt: '2026-11-02T10:00:00.000Z',
    data: {
      releaseId: '3b241101-e2bb-4255-8caf-4136c566a962',
      prisonCode: 'DWI',
      probationRegion: 'London',
      legalReleaseDate: '2026-11-20',
      releaseDate: '2026-11-19',
      gateTime: '09:30',
      gateAt: '2026-11-19T09:30:00.000Z',
      rulesApplied: [{ rule: 'FRIDAY_RELEASE', from: '2026-11-20', to: '2026-11-19', explanation: 'moved' }],
      dayOfReleaseMoveEligible: true,
      weekendCoverPlanRequired: false,
      shortNotice: false,
      shortNoticeReason: null,
      shortSentence: true,
    },
  });

const withData = (change: Record<string, unknown>) => {
  const event = releaseScheduled();
  return { ...event, data: { ...event.data, ...change } };
};

describe('event validation', () => {
  it('accepts a valid event and fills id, version and occurredAt', () => {
    const event = releaseScheduled();
    expect(event).toMatchObject({ version: 1, causationId: null });
    expect(parseEvent(event)).toEqual({ ok: true, event });
  });

  it.each([
    ['a bad prison number', { ...releaseScheduled(), personId: 'a1234bc' }, 'INVALID_ENVELOPE', '/personId'],
    [
      'an instant without offset',
      { ...releaseScheduled(), occurredAt: '2026-11-19T09:30:00' },
      'INVALID_ENVELOPE',
      '/occurredAt',
    ],
    ['an extra envelope field', { ...releaseScheduled(), name: 'Jane' }, 'INVALID_ENVELOPE', '/name'],
    ['an unknown version', { ...releaseScheduled(), version: 99 }, 'UNKNOWN_EVENT_VERSION', 'release.scheduled v99'],
    [
      'an unknown type',
      { ...releaseScheduled(), type: 'release.teleported' },
      'UNKNOWN_EVENT_VERSION',
      'unknown event type',
    ],
    ['an impossible date', withData({ releaseDate: '2026-02-30' }), 'INVALID_DATA', '/data/releaseDate'],
    ['a missing field', withData({ gateAt: undefined }), 'INVALID_DATA', '/data/gateAt'],
    ['an extra data field', withData({ dateOfBirth: '1990-01-01' }), 'INVALID_DATA', '/data/dateOfBirth'],
    ['a bad gate time', withData({ gateTime: '25:00' }), 'INVALID_DATA', '/data/gateTime'],
    ['a data instant without offset', withData({ gateAt: '2026-11-19T09:30:00' }), 'INVALID_DATA', '/data/gateAt'],
    [
      'an impossible date inside a list',
      withData({ rulesApplied: [{ rule: 'FRIDAY_RELEASE', from: '2026-02-30', to: '2026-11-19', explanation: 'x' }] }),
      'INVALID_DATA',
      '/data/rulesApplied/0/from',
    ],
    ['a version below 1', { ...releaseScheduled(), version: 0 }, 'INVALID_ENVELOPE', '/version'],
    [
      'a missing envelope field',
      { ...releaseScheduled(), correlationId: undefined },
      'INVALID_ENVELOPE',
      '/correlationId',
    ],
  ])('refuses %s, naming where', (_name, raw, reason, where) => {
    const result = parseEvent(JSON.parse(JSON.stringify(raw)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.errors.join(' ')).toContain(where);
  });

  it('will not create an invalid event', () => {
    expect(() =>
      createEvent({
        type: 'release.cancelled',
        personId: 'A1234BC',
        source: 'release-scheduling',
        correlationId: 'c',
        occurredAt: '2026-11-02T10:00:00.000Z',
        data: { releaseId: 'not-a-uuid', prisonCode: 'DWI', reason: 'x' },
      }),
    ).toThrow(/\/data\/releaseId/);
  });
});
