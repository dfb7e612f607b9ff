import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import { checkRestrictedAreas, type RestrictedArea } from './restricted-areas.js';

const district = (value: string): RestrictedArea => ({ kind: 'postcode-district', value });
const authority = (value: string): RestrictedArea => ({ kind: 'local-authority', value });

describe('checkRestrictedAreas', () => {
  it('refuses accommodation in a restricted postcode district', () => {
    expect(checkRestrictedAreas(anAccommodation({ postcodeDistrict: 'BS1' }), [district('BS1')])).toEqual([
      expect.objectContaining({ rule: 'ACCOMMODATION_IN_RESTRICTED_AREA', field: 'accommodation' }),
    ]);
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

  it('gives one violation however many areas match', () => {
    expect(checkRestrictedAreas(anAccommodation(), [district('BS1'), authority('Bristol')])).toHaveLength(1);
  });

  it('accepts accommodation outside every restricted area, and no restrictions at all', () => {
    expect(checkRestrictedAreas(anAccommodation(), [district('M14'), authority('Cardiff')])).toEqual([]);
    expect(checkRestrictedAreas(anAccommodation(), [])).toEqual([]);
  });

  it('property: the message never reveals the restricted value', () => {
    const code = fc.stringMatching(/^[A-Z]{1,2}[0-9]{1,2}$/);
    fc.assert(
      fc.property(code, fc.constantFrom('Bristol', 'Swindon', 'North Somerset'), (value, la) => {
        const home = anAccommodation({ postcodeDistrict: value, localAuthority: la });
        const [found] = checkRestrictedAreas(home, [district(value.toLowerCase()), authority(la)]);
        expect(found?.rule).toBe('ACCOMMODATION_IN_RESTRICTED_AREA');
        expect(found?.message.toUpperCase()).not.toContain(value);
        expect(found?.message.toUpperCase()).not.toContain(la.toUpperCase());
        expect(found?.message).not.toMatch(/postcode|local authority|district/i);
      }),
    );
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
