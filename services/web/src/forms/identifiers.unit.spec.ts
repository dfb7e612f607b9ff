import { describe, expect, it } from 'vitest';
import { isPrisonNumber, isReference, typedPrisonNumber } from './identifiers.js';

describe('the identifiers staff type or follow', () => {
  it('a prison number is 1 letter, 4 numbers and 2 letters, in capitals, and nothing else', () => {
    expect(isPrisonNumber('A1234BC')).toBe(true);
    for (const value of ['', 'A123BC', 'A12345BC', 'a1234bc', '1234ABC', 'A1234BC ', 'A1234BCD']) {
      expect(isPrisonNumber(value), value).toBe(false);
    }
  });

  it('reads a prison number as typed: any spaces dropped, in capitals', () => {
    expect(typedPrisonNumber(' a 1234 bc ')).toBe('A1234BC');
    expect(typedPrisonNumber('A1234\tBC\n')).toBe('A1234BC');
    expect(typedPrisonNumber(undefined)).toBe('');
    expect(isPrisonNumber(typedPrisonNumber('a1234b'))).toBe(false);
  });

  it('tells one of our ids (a lower-case UUID) from anything else', () => {
    expect(isReference('7d0f5c1e-2b4a-4c39-9d1e-5a8b6c3f2e10')).toBe(true);
    for (const value of [
      '',
      'not-a-request',
      '7D0F5C1E-2B4A-4C39-9D1E-5A8B6C3F2E10',
      '7d0f5c1e2b4a4c399d1e5a8b6c3f2e10',
    ]) {
      expect(isReference(value), value).toBe(false);
    }
  });
});
