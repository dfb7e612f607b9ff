import { describe, expect, it } from 'vitest';
import { usableRelease } from '../release-copy/usable-release.js';
import { violation } from '../rules.js';
import { Conflict, InvalidField, RuleRefusal, refuseFirstBroken } from './problems.js';

const thrown = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('refusals shared by the services', () => {
  it('turns the first broken rule into a 422 naming its field, listing the others, and passes when none is broken', () => {
    const broken = [violation('FIRST_DOSE_GAP', 'firstAppointment', 'A gap'), violation('X', 'y', 'Another')];
    const refusal = thrown(() => refuseFirstBroken(broken, 'body.')) as RuleRefusal;
    expect(refusal).toBeInstanceOf(RuleRefusal);
    expect(refusal).toMatchObject({ statusCode: 422, rule: 'FIRST_DOSE_GAP', message: 'A gap' });
    expect(refusal.details).toEqual({ field: 'body.firstAppointment', violations: broken });
    expect(() => refuseFirstBroken([])).not.toThrow();
  });

  it('accepts only a known, uncancelled release of the woman named; one not known yet is a 409 to retry', () => {
    const release = { personId: 'A1234BC', status: 'scheduled', releaseDate: '2026-11-19' };
    expect(usableRelease(release, 'A1234BC')).toBe(release);
    expect(thrown(() => usableRelease(undefined, 'A1234BC'))).toMatchObject({
      statusCode: 409,
      rule: 'RELEASE_NOT_YET_KNOWN',
      about: { field: 'body.releaseId', retryAfterSeconds: 2 },
    });
    expect(thrown(() => usableRelease(release, 'B1234BC'))).toBeInstanceOf(InvalidField);
    expect(thrown(() => usableRelease({ ...release, status: 'cancelled' }, 'A1234BC'))).toBeInstanceOf(Conflict);
  });
});
