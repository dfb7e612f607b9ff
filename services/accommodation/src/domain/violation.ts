/** One broken rule: the API answers 422 naming `rule` and `field`; `message` is for the coordinator. */
export interface Violation {
  rule: string;
  field: string;
  message: string;
}

export function violation(rule: string, field: string, message: string): Violation {
  return { rule, field, message };
}
