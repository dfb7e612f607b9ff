import { describe, expect, it } from 'vitest';
import { eventForReassessment } from './plan-status.js';

const reason = (rule: string) => ({ rule });
const arranged = { status: 'arranged' as const, reasons: [] };

describe('eventForReassessment', () => {
  it('raises at-risk when an arranged plan stops fitting', () => {
    expect(eventForReassessment(arranged, { status: 'at-risk', reasons: [reason('DEPARTS_BEFORE_GATE')] })).toBe(
      'at-risk',
    );
  });

  it('stays silent when the same verdict comes again, whatever the order of reasons', () => {
    const current = { status: 'at-risk' as const, reasons: [reason('A'), reason('B')] };
    expect(eventForReassessment(current, { status: 'at-risk', reasons: [reason('B'), reason('A')] })).toBeNull();
    expect(eventForReassessment(arranged, arranged)).toBeNull();
  });

  it('raises at-risk again when the plan breaks different rules', () => {
    const current = { status: 'at-risk' as const, reasons: [reason('A')] };
    expect(eventForReassessment(current, { status: 'at-risk', reasons: [reason('A'), reason('B')] })).toBe('at-risk');
  });

  it('says changed when an at-risk plan fits again, and nothing for a cancelled plan', () => {
    expect(eventForReassessment({ status: 'at-risk', reasons: [reason('A')] }, arranged)).toBe('changed');
    expect(eventForReassessment({ status: 'cancelled', reasons: [] }, { status: 'at-risk', reasons: [] })).toBeNull();
  });
});
