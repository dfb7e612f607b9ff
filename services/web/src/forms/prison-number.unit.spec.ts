import { describe, expect, it } from 'vitest';
import { isPrisonNumber } from './prison-number.js';

describe('a prison number', () => {
  it('is 1 letter, 4 numbers and 2 letters, in capitals, and nothing else', () => {
    expect(isPrisonNumber('A1234BC')).toBe(true);
    for (const value of ['', 'A123BC', 'A12345BC', 'a1234bc', '1234ABC', 'A1234BC ', 'A1234BCD']) {
      expect(isPrisonNumber(value), value).toBe(false);
    }
  });
});
