import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './session.js';

describe('the page to return to after signing in', () => {
  it('is a path on this site', () => {
    expect(safeReturnTo('/probation?weeks=24')).toBe('/probation?weeks=24');
  });
  it('is never another site, however it is written', () => {
    for (const hostile of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/ x',
      undefined,
      42,
    ]) {
      expect(safeReturnTo(hostile)).toBe('/');
    }
  });
});
