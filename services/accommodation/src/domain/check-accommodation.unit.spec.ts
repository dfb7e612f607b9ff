import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import { checkAccommodation } from './check-accommodation.js';

describe('checkAccommodation', () => {
  it('accepts a complete record', () => {
    expect(checkAccommodation(anAccommodation())).toEqual([]);
  });

  it('refuses a full postcode or a missing district', () => {
    expect(checkAccommodation(anAccommodation({ postcodeDistrict: 'BS1 4DJ' }))).toEqual([
      expect.objectContaining({ rule: 'POSTCODE_DISTRICT_INVALID', field: 'postcodeDistrict' }),
    ]);
    expect(checkAccommodation(anAccommodation({ postcodeDistrict: null })).map((v) => v.rule)).toEqual([
      'POSTCODE_DISTRICT_INVALID',
    ]);
  });

  it('requires a local authority and a readable date', () => {
    expect(
      checkAccommodation(anAccommodation({ localAuthority: ' ', confirmedFrom: '16/04/2026' })).map((v) => v.rule),
    ).toEqual(['LOCAL_AUTHORITY_REQUIRED', 'INVALID_DATE']);
  });

  it('asks nothing of type none', () => {
    expect(checkAccommodation(anAccommodation({ type: 'none', postcodeDistrict: null, localAuthority: null }))).toEqual(
      [],
    );
  });
});

describe('checkAccommodation: the local authority is a place we know', () => {
  it.each(['Bristol', 'City of Bristol', 'Bristol, City of', 'bristol city council', 'Caerdydd'])(
    'accepts %j',
    (name) => {
      expect(checkAccommodation(anAccommodation({ localAuthority: name }))).toEqual([]);
    },
  );

  it('refuses an unknown authority, naming the field and saying it is not a known local authority', () => {
    expect(checkAccommodation(anAccommodation({ localAuthority: 'Bristoll' }))).toEqual([
      expect.objectContaining({
        rule: 'LOCAL_AUTHORITY_UNKNOWN',
        field: 'localAuthority',
        message: expect.stringContaining('is not a known local authority'),
      }),
    ]);
  });
});
