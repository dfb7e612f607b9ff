import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import {
  matchingRestrictedAreas as checkRestrictedAreas,
  type RestrictedArea,
  sameRestrictedArea,
} from './restricted-areas.js';

const district = (value: string): RestrictedArea => ({ kind: 'postcode-district', value });
const authority = (value: string): RestrictedArea => ({ kind: 'local-authority', value });

describe('matchingRestrictedAreas', () => {
  it('finds the restricted postcode district the accommodation is in', () => {
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'BS1' }), [district('BS1')])).toEqual([
      district('BS1'),
    ]);
  });

  it('finds nothing for type none', () => {
    expect(checkRestrictedAreas(anAccommodation({ type: 'none' }), [district('BS1'), authority('Bristol')])).toEqual(
      [],
    );
  });

  it('matches ignoring case and spaces', () => {
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'sw1a' }), [district(' SW 1A ')])).toHaveLength(1);
    const inLa = anAccommodation({ localAuthority: 'Bath and North East Somerset' });
    expect(checkRestrictedAreas(inLa, [authority('bath and  north east somerset')])).toHaveLength(1);
  });

  it('does not let BS1 catch BS10 or BS10 catch BS1', () => {
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'BS10' }), [district('BS1')])).toEqual([]);
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'BS1' }), [district('BS10')])).toEqual([]);
  });

  it('compares each kind with its own field', () => {
    // A local authority called 'BS1' is not the postcode district BS1.
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'M14' }), [authority('M14')])).toEqual([]);
    expect(checkRestrictedAreas(anAccommodation(), [authority('Bristol')])).toHaveLength(1);
  });

  it('gives every area that matches, for probation to see at review', () => {
    expect(checkRestrictedAreas(anAccommodation(), [district('BS1'), authority('Bristol')])).toHaveLength(2);
  });

  it('accepts accommodation outside every restricted area, and no restrictions at all', () => {
    expect(checkRestrictedAreas(anAccommodation(), [district('M14'), authority('Cardiff')])).toEqual([]);
    expect(checkRestrictedAreas(anAccommodation(), [])).toEqual([]);
  });
});

describe('sameRestrictedArea', () => {
  it('is the same place whatever the spelling or spacing, and never across kinds', () => {
    expect(sameRestrictedArea(authority('City of Bristol'), authority('bristol city council'))).toBe(true);
    expect(sameRestrictedArea(district('bs 1'), district('BS1'))).toBe(true);
    expect(sameRestrictedArea(district('BS1'), district('BS10'))).toBe(false);
    expect(sameRestrictedArea(authority('Bristol'), district('Bristol'))).toBe(false);
  });
});

describe('checkRestrictedAreas: the place, not the spelling', () => {
  it.each(['Bristol', 'City of Bristol', 'Bristol, City of', 'bristol city council', 'E06000023'])(
    'a restriction on %j catches accommodation recorded as "Bristol, City of"',
    (restricted) => {
      const home = anAccommodation({ localAuthority: 'Bristol, City of' });
      expect(checkRestrictedAreas(home, [authority(restricted)])).toHaveLength(1);
    },
  );

  it('matches Welsh and English names of one Welsh area, and a postcode district in any case or spacing', () => {
    expect(checkRestrictedAreas(anAccommodation({ localAuthority: 'Caerdydd' }), [authority('Cardiff')])).toHaveLength(
      1,
    );
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'bs1' }), [district('BS1')])).toHaveLength(1);
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'BS1' }), [district('b s 1')])).toHaveLength(1);
  });

  it('does not let one authority catch its neighbour', () => {
    const home = anAccommodation({ localAuthority: 'South Gloucestershire' });
    expect(checkRestrictedAreas(home, [authority('City of Bristol')])).toEqual([]);
  });
});
