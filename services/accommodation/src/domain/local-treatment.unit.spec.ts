import { describe, expect, it } from 'vitest';
import { localTreatmentMismatch } from './local-treatment.js';

describe('localTreatmentMismatch', () => {
  it('is true when the local authorities differ', () => {
    expect(localTreatmentMismatch({ localAuthority: 'Bristol' }, { localAuthority: 'South Gloucestershire' })).toBe(
      true,
    );
  });

  it('is false for the same authority, ignoring case and spaces', () => {
    expect(localTreatmentMismatch({ localAuthority: 'Bristol' }, { localAuthority: ' bristol ' })).toBe(false);
  });

  it('is false when either area is unknown', () => {
    expect(localTreatmentMismatch({ localAuthority: null }, { localAuthority: 'Bristol' })).toBe(false);
    expect(localTreatmentMismatch({ localAuthority: 'Bristol' }, { localAuthority: '' })).toBe(false);
  });
});

describe('localTreatmentMismatch by the place, not the spelling', () => {
  it('is false for two spellings of one authority', () => {
    expect(
      localTreatmentMismatch({ localAuthority: 'Bristol, City of' }, { localAuthority: 'Bristol City Council' }),
    ).toBe(false);
  });
});
