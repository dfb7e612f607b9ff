import { describe, expect, it } from 'vitest';
import { itemsOfPage, pageAsked, pagesFor, paginationOf } from './pagination.js';

describe('pages of a list', () => {
  it('reads the page asked for as a whole number from 1, anything else as the first', () => {
    expect(pageAsked('3')).toBe(3);
    expect([undefined, '', '0', '-2', 'last'].map(pageAsked)).toEqual([1, 1, 1, 1, 1]);
  });

  it('counts at least one page, and gives each page its items', () => {
    expect([0, 1, 20, 21].map((total) => pagesFor(total, 20))).toEqual([1, 1, 1, 2]);
    expect(itemsOfPage([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(itemsOfPage([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });

  it('links every page, the current one marked, with previous and next only where there is one', () => {
    const href = (page: number) => `?page=${page}`;
    expect(paginationOf(1, 1, href)).toBeUndefined();
    expect(paginationOf(1, 3, href)).toEqual({
      previous: undefined,
      next: { href: '?page=2' },
      items: [
        { number: 1, href: '?page=1', current: true },
        { number: 2, href: '?page=2', current: false },
        { number: 3, href: '?page=3', current: false },
      ],
    });
    expect(paginationOf(3, 3, href)).toMatchObject({ previous: { href: '?page=2' }, next: undefined });
  });
});
