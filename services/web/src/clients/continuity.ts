import type { ContinuityAnswer } from '@resettle/contracts';
import type { ApiCall } from './api.js';
import { stringValues } from './release-scheduling.js';

export type ContinuityQuery = {
  prison?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** passport: continuity of care per prison and month (aggregates, small counts suppressed by the API). */
export function continuity(call: ApiCall, token: string) {
  const query = (filters: ContinuityQuery) => new URLSearchParams(stringValues(filters)).toString();
  return {
    figures: (filters: ContinuityQuery) => call<ContinuityAnswer>(token, 'GET', `/api/continuity?${query(filters)}`),
    csv: (filters: ContinuityQuery) => call<string>(token, 'GET', `/api/continuity.csv?${query(filters)}`),
  };
}
