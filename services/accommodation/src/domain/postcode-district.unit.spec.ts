import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPostcodeDistrict } from './postcode-district.js';

describe('isPostcodeDistrict', () => {
  it.each(['BS1', 'M14', 'SW1A', 'W1A', 'EC1A', 'B1', 'CR0', 'bs10', ' m 14 '])('accepts %s', (code) => {
    expect(isPostcodeDistrict(code)).toBe(true);
  });

  it.each(['', 'BS1 4DJ', 'BS', '14', 'Q1', 'BSS1', 'BS123', 'SW1AA', 'BS-1', 'XX1'])('refuses %j', (code) => {
    expect(isPostcodeDistrict(code)).toBe(false);
  });

  it('property: no full postcode (outward + inward code) is a district', () => {
    const letter = fc.constantFrom(...'ABDEFGHJLNPQRSTUWXYZ'.split(''));
    fc.assert(
      fc.property(
        fc.constantFrom('BS1', 'M14', 'SW1A'),
        fc.integer({ min: 0, max: 9 }),
        letter,
        letter,
        (out, n, a, b) => {
          expect(isPostcodeDistrict(`${out} ${n}${a}${b}`)).toBe(false);
        },
      ),
    );
  });
});
