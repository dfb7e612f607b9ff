import { SessionExpired } from '../auth/session.js';

/** One problem+json answer from a service: a 400 names fields, a 422 names the rule and the nearest alternative. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  rule?: string;
  field?: string;
  errors?: { field: string; rule: string; message: string }[];
  violations?: { rule: string; field: string; message: string }[];
  nearestAllowed?: { date: string; time: string } | null;
  asked?: { date: string; time: string | null };
  [key: string]: unknown;
}

export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: Problem };

export class ServiceUnavailable extends Error {
  readonly statusCode = 503;
}

/** Calls one service's API with the signed-in user's token; a 401 means her session is over. */
export function apiClient(baseUrl: string, timeoutMs: number) {
  return async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ServiceUnavailable(`${new URL(baseUrl).host} did not answer`, { cause: error });
    }
    const text = await response.text();
    // JSON (problem+json included) is parsed; anything else (a CSV export) is handed on as text.
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    const parsed = text ? (json ? (JSON.parse(text) as unknown) : text) : undefined;
    if (response.status === 401) throw new SessionExpired('the service refused the token');
    if (response.status >= 500) throw new ServiceUnavailable(`${new URL(baseUrl).host} answered ${response.status}`);
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    return { ok: false, status: response.status, problem: (parsed ?? { status: response.status }) as Problem };
  };
}
export type ApiCall = ReturnType<typeof apiClient>;
