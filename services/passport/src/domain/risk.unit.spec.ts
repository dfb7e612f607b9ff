import { describe, expect, it } from 'vitest';
import { workingDaysUntil } from './dates.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';
import { DEFAULT_SETTINGS } from './passport.js';
import { assessRisk } from './risk.js';

// Monday 2 November 2026, 10:00 London
const now = new Date('2026-11-02T10:00:00Z');

describe('working days to release (the count itself is tested in @resettle/calendar)', () => {
  it('counts the working days after today up to and including release day, bank holidays left out', () => {
    expect(workingDaysUntil('2026-11-02', '2026-11-02')).toBe(0);
    expect(workingDaysUntil('2026-11-06', '2026-11-09')).toBe(1);
    expect(workingDaysUntil('2026-11-05', '2026-11-02')).toBe(0);
    expect(workingDaysUntil('2026-12-23', '2026-12-29')).toBe(2); // Christmas Day and the substitute Boxing Day
  });
});

describe('assessRisk', () => {
  it('is not at risk with 10 working days to go, and at risk with 9, saying what is missing', () => {
    const e = eventsFor('A1234BC');
    const tenDays = assessRisk(fold([e.scheduled('2026-11-16')]), now, DEFAULT_SETTINGS);
    expect(tenDays).toMatchObject({ atRisk: false, workingDaysToRelease: 10, thresholdWorkingDays: 10 });
    const nineDays = assessRisk(
      fold([
        e.scheduled('2026-11-13'),
        e.judged('release', 'complete'),
        e.judged('treatment', 'in-progress', { reasons: ['Provider has not yet accepted the handoff'] }),
        e.judged('accommodation', 'not-started', { reasons: ['No release-night accommodation recorded yet'] }),
      ]),
      now,
      DEFAULT_SETTINGS,
    );
    expect(nineDays).toMatchObject({ atRisk: true, workingDaysToRelease: 9 });
    expect(nineDays.missing).toEqual([
      'Treatment: Provider has not yet accepted the handoff',
      'Accommodation: No release-night accommodation recorded yet',
      'Transport: transport has not judged this pathway yet',
    ]);
  });

  it('uses half the threshold for a short sentence', () => {
    const e = eventsFor('A1234BC');
    const six = assessRisk(fold([e.scheduled('2026-11-10', '09:30', { shortSentence: true })]), now, DEFAULT_SETTINGS);
    expect(six).toMatchObject({ atRisk: false, workingDaysToRelease: 6, thresholdWorkingDays: 5 });
    const four = assessRisk(fold([e.scheduled('2026-11-06', '09:30', { shortSentence: true })]), now, DEFAULT_SETTINGS);
    expect(four).toMatchObject({ atRisk: true, workingDaysToRelease: 4 });
  });

  it('puts a short-notice release at risk at once while incomplete', () => {
    const e = eventsFor('A1234BC');
    const far = fold([e.scheduled('2026-12-18', '09:30', { shortNotice: true, shortNoticeReason: 'VIDEO_LINK' })]);
    expect(assessRisk(far, now, DEFAULT_SETTINGS)).toMatchObject({
      atRisk: true,
      reason: 'Short-notice release with an incomplete passport',
    });
  });

  it('is never at risk when complete, cancelled or unknown', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([e.scheduled('2026-11-04'), ...e.allComplete()]);
    expect(assessRisk(complete, now, DEFAULT_SETTINGS).atRisk).toBe(false);
    expect(assessRisk(fold([e.scheduled('2026-11-04'), e.cancelled()]), now, DEFAULT_SETTINGS).atRisk).toBe(false);
    expect(assessRisk(fold([e.booked()]), now, DEFAULT_SETTINGS).atRisk).toBe(false);
  });

  it('counts a pathway awaiting its owner’s re-check as missing', () => {
    const e = eventsFor('A1234BC');
    const moved = fold([e.scheduled('2026-11-10'), ...e.allComplete(), e.rescheduled('2026-11-10', '2026-11-09')]);
    const risk = assessRisk(moved, now, DEFAULT_SETTINGS);
    expect(risk).toMatchObject({ atRisk: true, workingDaysToRelease: 5 });
    expect(risk.missing).toContain(
      'Accommodation: accommodation has not re-checked since the release moved to Monday 9 November',
    );
  });
});
