import { addDays, defaultCalendar } from '@resettle/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRelease, checkRequestedDate } from './check-release.js';
import { releaseWindow } from './release-window.js';

const calendar = defaultCalendar();
const context = { calendar, now: new Date('2017-06-01T00:00:00Z') };
const request = fc.record({
  legalReleaseDate: fc.integer({ min: 0, max: 15 * 365 }).map((n) => addDays('2018-01-01', n)),
  offset: fc.integer({ min: -8, max: 3 }),
  gateTime: fc.constantFrom('08:00', '09:30', '12:00'),
  secondDayApproved: fc.boolean(),
  eligibility: fc.record({
    homeDetentionCurfew: fc.boolean(),
    indeterminateSentence: fc.boolean(),
    paroleBoardRelease: fc.boolean(),
    daysServedSinceSentence: fc.integer({ min: 0, max: 400 }),
  }),
  from: fc.constantFrom('PRISON' as const, 'COURT' as const, 'VIDEO_LINK' as const),
});

describe('requested dates agree with the release rules', () => {
  it('a requested date is allowed iff the rules allow that day; every refusal offers an allowed one', () => {
    fc.assert(
      fc.property(request, ({ offset, ...rest }) => {
        const requestedDate = addDays(rest.legalReleaseDate, offset);
        const result = checkRequestedDate({ ...rest, requestedDate }, context);
        const { allowed } = releaseWindow(rest, calendar);
        expect(result.allowed).toBe(allowed.includes(requestedDate));
        if (result.allowed) return;
        const nearest = result.refusal.nearestAllowed!;
        expect(nearest.time).toBe(rest.gateTime);
        expect(checkRequestedDate({ ...rest, requestedDate: nearest.date }, context).allowed).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('the default release is itself an allowed requested date', () => {
    fc.assert(
      fc.property(request, ({ offset: _, ...rest }) => {
        const result = checkRelease(rest, context);
        if (!result.allowed) throw new Error(JSON.stringify(result.refusal));
        const again = checkRequestedDate({ ...rest, requestedDate: result.releaseDate }, context);
        expect(again).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});
