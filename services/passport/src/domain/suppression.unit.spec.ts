import type { Shown } from '@resettle/contracts';
import { describe, expect, it } from 'vitest';
import { shownCount, shownPart, shownShare } from './suppression.js';

const total = (count: number) => ({ count, shown: shownCount(count) });

describe('suppressing small counts', () => {
  it('shows 0 and 5 or more, and 1 to 4 as "<5"', () => {
    expect([0, 1, 4, 5, 12].map(shownCount)).toEqual([0, '<5', '<5', 5, 12]);
  });

  it('withholds a part whose total would give away a rest of 1 to 4 by subtraction', () => {
    expect(shownPart(8, total(9))).toBe('[c]');
    expect(shownPart(6, total(10))).toBe('[c]');
    expect(shownPart(5, total(10))).toBe(5);
    expect(shownPart(9, total(9))).toBe(9);
    expect(shownPart(0, total(9))).toBe(0);
  });

  it('keeps a small part "<5" rather than withholding it, and checks a rest only against a published total', () => {
    expect(shownPart(3, total(10))).toBe('<5');
    expect(shownPart(3, total(4))).toBe('<5');
    expect(shownPart(0, total(4))).toBe(0);
    expect(shownPart(7, { count: 9, shown: '[c]' })).toBe(7);
  });

  it('checks a part against every total it belongs to', () => {
    expect(shownPart(7, total(20), total(9))).toBe('[c]');
    expect(shownPart(7, { count: 9, shown: '[c]' }, total(10))).toBe('[c]');
    expect(shownPart(7, total(12), total(20))).toBe(7);
  });

  it('gives a share only of two published numbers', () => {
    const cases: [Shown, Shown, number | null][] = [
      [7, 10, 0.7],
      [2, 3, 0.667],
      ['<5', 10, null],
      ['[c]', 10, null],
      [0, '<5', null],
      [0, 0, null],
    ];
    for (const [part, of, share] of cases) expect(shownShare(part, of)).toBe(share);
  });

  it('never lets a reader recover a hidden count from a published total and its published parts', () => {
    for (let releases = 0; releases <= 30; releases += 1) {
      for (let part = 0; part <= releases; part += 1) {
        const shown = shownPart(part, total(releases));
        const totalShown = shownCount(releases);
        const rest = releases - part;
        // What a reader can work out: the rest, when both total and part are published numbers.
        if (typeof shown === 'number' && typeof totalShown === 'number') expect(rest === 0 || rest >= 5).toBe(true);
        if (part > 0 && part < 5) expect(shown).toBe('<5');
      }
    }
  });
});
