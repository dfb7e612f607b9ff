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
  treatmentNeed: true,
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
      // No handoff booked: a release, but outside the treatment measures (whatever else is on record).
      release({ treatmentNeed: false }),
    ]);
    expect(counts).toEqual([
      {
        prisonCode: 'DWI',
        month: '2026-11',
        releases: 1,
        releasedComplete: 1,
        withTreatmentNeed: 1,
        firstAppointmentAttended: 1,
        startedWithin21Days: 1,
      },
      {
        prisonCode: 'EHI',
        month: '2026-11',
        releases: 4,
        releasedComplete: 2,
        withTreatmentNeed: 3,
        firstAppointmentAttended: 2,
        startedWithin21Days: 1,
      },
    ]);
  });

  it('counts a woman released twice in the month once per release', () => {
    const first = release({ releaseDate: '2026-11-02', treatmentStartedOn: '2026-11-03' });
    const second = release({ releaseDate: '2026-11-25', treatmentStartedOn: null, firstAppointmentAttended: false });
    expect(continuityCounts([first, second])).toEqual([
      expect.objectContaining({
        releases: 2,
        withTreatmentNeed: 2,
        firstAppointmentAttended: 1,
        startedWithin21Days: 1,
      }),
    ]);
  });

  it('gives the treatment measures as shares of releases with a need, and suppresses small counts and rests', () => {
    const counts = {
      prisonCode: 'EHI',
      month: '2026-11',
      releases: 20,
      releasedComplete: 14,
      withTreatmentNeed: 12,
      firstAppointmentAttended: 3,
      startedWithin21Days: 6,
    };
    const figure = continuityFigure(counts);
    expect(figure).toMatchObject({
      releases: 20,
      releasedComplete: 14,
      withTreatmentNeed: 12,
      firstAppointmentAttended: '<5',
      startedWithin21Days: 6,
    });
    expect(figure.shares).toEqual({ releasedComplete: 0.7, firstAppointmentAttended: null, startedWithin21Days: 0.5 });
    expect(continuityCsv([figure])).toBe(
      'prison,month,releases,released_complete,with_treatment_need,first_appointment_attended,' +
        'started_within_21_days,share_released_complete,share_first_appointment_attended,' +
        'share_started_within_21_days\n' +
        'EHI,2026-11,20,14,12,<5,6,0.7,,0.5\n',
    );
  });

  it('withholds a count when its total would give a rest under 5 away, and the share with it', () => {
    const figure = continuityFigure({
      prisonCode: 'EHI',
      month: '2026-11',
      releases: 12,
      releasedComplete: 9,
      withTreatmentNeed: 12,
      firstAppointmentAttended: 10,
      startedWithin21Days: 12,
    });
    expect(figure).toMatchObject({
      releases: 12,
      releasedComplete: '[c]',
      withTreatmentNeed: 12,
      firstAppointmentAttended: '[c]',
      startedWithin21Days: 12,
    });
    expect(figure.shares).toEqual({ releasedComplete: null, firstAppointmentAttended: null, startedWithin21Days: 1 });
  });
});
