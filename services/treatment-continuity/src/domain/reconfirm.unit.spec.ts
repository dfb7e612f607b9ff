import { describe, expect, it } from 'vitest';
import { confirmingFor } from './reconfirm.js';

describe('confirmingFor', () => {
  it('given no revision named, the provider confirms for the release as known here', () => {
    expect(confirmingFor(undefined, 3)).toBe('current');
  });
  it('given the revision known here, it is current', () => {
    expect(confirmingFor(3, 3)).toBe('current');
  });
  it('given a newer revision, the move has not arrived yet', () => {
    expect(confirmingFor(4, 3)).toBe('not-yet-known');
  });
  it('given an older revision, the release has moved again since', () => {
    expect(confirmingFor(2, 3)).toBe('moved-again');
  });
});
