import type { ApiCall } from './api.js';

export interface TravelDetail {
  mode: string;
  metBy: string | null;
  departureAt: string;
  expectedArrivalAt: string;
  destination: 'accommodation' | 'first-appointment';
  arrangedBy: string;
  escorted: boolean;
}

export interface TravelPlan extends TravelDetail {
  id: string;
  personId: string;
  releaseId: string;
  status: 'arranged' | 'at-risk' | 'cancelled';
  reasons: { rule: string; field: string; message: string }[];
  flags: { rule: string; field: string; message: string }[];
}

/** transport: the journey from the gate, arranged and changed by the coordinator. */
export function transport(call: ApiCall, token: string) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    forRelease: (releaseId: string) =>
      call<{ items: TravelPlan[] }>(token, 'GET', `/api/travel-plans?releaseId=${id(releaseId)}`),
    get: (planId: string) => call<TravelPlan>(token, 'GET', `/api/travel-plans/${id(planId)}`),
    arrange: (body: TravelDetail & { personId: string; releaseId: string }) =>
      call<TravelPlan>(token, 'POST', '/api/travel-plans', body),
    change: (planId: string, body: TravelDetail) =>
      call<TravelPlan>(token, 'PUT', `/api/travel-plans/${id(planId)}`, body),
  };
}
