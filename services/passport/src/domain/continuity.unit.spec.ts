import { describe, expect, it } from 'vitest';
import {
  type ContinuityRelease,
  continuityCounts,
  continuityCsv,
  continuityFigure,
  startedWithin,
} from './continuity.js';

const release = (changes: Partial<ContinuityRelease> = {}): ContinuityRelease => ({
  prisonCode: 'EHI',
  month: '2026-11',
  releaseDate: '2026-11-18',
  complete: true,
  firstAppointmentAttended: true,
  treatmentStartedOn: '2026-11-19',
  ...changes,
});

describe('continuity of care', () => {
  it('counts a start up to 21 days after release, never a later one', () => {
    expect(startedWithin(release({ treatmentStartedOn: '2026-12-09' }))).toBe(true);
    expect(startedWithin(release({ treatmentStartedOn: '2026-12-10' }))).toBe(false);
    expect(startedWithin(release({ treatmentStartedOn: null }))).toBe(false);
  });

  it('counts each release once per prison and month', () => {
    const counts = continuityCounts([
      release(),
      release({ complete: false, firstAppointmentAttended: false, treatmentStartedOn: null }),
      release({ complete: null, treatmentStartedOn: '2026-12-20' }),
      release({ prisonCode: 'DWI' }),
    ]);
    expect(counts).toEqual([
      {
        prisonCode: 'DWI',
        month: '2026-11',
        releases: 1,
        releasedComplete: 1,
        firstAppointmentAttended: 1,
        startedWithin21Days: 1,
      },
      {
        prisonCode: 'EHI',
        month: '2026-11',
        releases: 3,
        releasedComplete: 1,
        firstAppointmentAttended: 2,
        startedWithin21Days: 1,
      },
    ]);
  });

  it('suppresses counts under 5 and the shares that would reveal them', () => {
    const counts = {
      prisonCode: 'EHI',
      month: '2026-11',
      releases: 10,
      releasedComplete: 7,
      firstAppointmentAttended: 3,
      startedWithin21Days: 0,
    };
    const figure = continuityFigure(counts);
    expect(figure).toMatchObject({
      releases: 10,
      releasedComplete: 7,
      firstAppointmentAttended: '<5',
      startedWithin21Days: 0,
    });
    expect(figure.shares).toEqual({ releasedComplete: 0.7, firstAppointmentAttended: null, startedWithin21Days: 0 });
    expect(continuityCsv([figure])).toBe(
      'prison,month,releases,released_complete,first_appointment_attended,started_within_21_days,' +
        'share_released_complete,share_first_appointment_attended,share_started_within_21_days\n' +
        'EHI,2026-11,10,7,<5,0,0.7,,0\n',
    );
  });
});
