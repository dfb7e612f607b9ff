/**
 * One broken domain rule. Pure (no HTTP here), so a service's `domain/` can build them; `refuseFirstBroken` turns the
 * first into the 422 that names `rule` and `field`, with `message` written for the person who asked.
 */
export interface Violation {
  rule: string;
  field: string;
  message: string;
}

export function violation(rule: string, field: string, message: string): Violation {
  return { rule, field, message };
}
