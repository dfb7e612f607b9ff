import type { Violation } from '@resettle/platform/rules';

export const PLAN_STATUSES = ['arranged', 'at-risk', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * The event a re-check calls for: 'at-risk' when the plan newly breaks a rule (or breaks different rules),
 * 'changed' when it fits again, nothing when the verdict is the one already recorded (so a repeated event is silent).
 */
export function eventForReassessment(
  current: { status: PlanStatus; reasons: readonly Pick<Violation, 'rule'>[] },
  next: { status: 'arranged' | 'at-risk'; reasons: readonly Pick<Violation, 'rule'>[] },
): 'at-risk' | 'changed' | null {
  if (current.status === 'cancelled') return null;
  if (next.status === 'arranged') return current.status === 'at-risk' ? 'changed' : null;
  if (current.status === 'at-risk' && sameRules(current.reasons, next.reasons)) return null;
  return 'at-risk';
}

function sameRules(a: readonly Pick<Violation, 'rule'>[], b: readonly Pick<Violation, 'rule'>[]): boolean {
  const rules = (list: readonly Pick<Violation, 'rule'>[]) => [...new Set(list.map((item) => item.rule))].sort();
  return rules(a).join() === rules(b).join();
}
