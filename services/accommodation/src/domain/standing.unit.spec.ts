import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import { eventForChange, standingOf } from './standing.js';

const confirmedFrom16 = anAccommodation({ confirmedFrom: '2026-04-16' });

describe('standingOf', () => {
  it('is confirmed when the bed is there from the release date', () => {
    expect(standingOf(confirmedFrom16, '2026-04-16')).toEqual({ status: 'confirmed', reason: null });
  });

  it('is at risk when the release moves before confirmedFrom', () => {
    const standing = standingOf(confirmedFrom16, '2026-04-15');
    expect(standing.status).toBe('at-risk');
    expect(standing.reason).toContain('Wed 15 Apr 2026');
  });

  it('is incomplete for type none', () => {
    expect(standingOf(anAccommodation({ type: 'none' }), '2026-04-16').status).toBe('incomplete');
  });
});

describe('eventForChange', () => {
  const atRisk = { status: 'at-risk' as const, reason: 'moved' };

  it('raises at-risk once: the same facts again call for nothing', () => {
    expect(eventForChange({ status: 'confirmed', statusReason: null }, atRisk)).toBe('at-risk');
    expect(eventForChange({ status: 'at-risk', statusReason: 'moved' }, atRisk)).toBeNull();
  });

  it('raises at-risk again only for a new reason', () => {
    expect(eventForChange({ status: 'at-risk', statusReason: 'moved' }, { ...atRisk, reason: 'moved again' })).toBe(
      'at-risk',
    );
  });

  it('says changed when it fits again, and nothing for a withdrawn one', () => {
    expect(eventForChange({ status: 'at-risk', statusReason: 'moved' }, { status: 'confirmed', reason: null })).toBe(
      'changed',
    );
    expect(eventForChange({ status: 'withdrawn', statusReason: null }, atRisk)).toBeNull();
  });
});
