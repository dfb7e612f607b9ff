import { ROLES } from '../http/auth.js';
import { type BadRequestCase, badRequestsFor, operationsOf } from './bad-input.js';
import type { TestService } from './index.js';

export interface BadInputOutcome {
  case: string;
  method: string;
  path: string;
  status: number;
  problem: string | null;
}

/** A caller holding every role, so requests get past authorisation and meet validation. */
const everyRole = { sub: 'bad-input-suite', roles: [...ROLES], prison: 'DWI', organisation: 'org-1', region: 'London' };

/** Sends every generated bad request; returns how many, and those answered wrongly (not 4xx, not problem+json, or leaking). */
export async function findBadInputFailures(
  service: TestService,
): Promise<{ sent: number; failures: BadInputOutcome[] }> {
  const token = service.tokenFor(everyRole);
  const failures: BadInputOutcome[] = [];
  let sent = 0;
  for (const operation of operationsOf(service)) {
    if (operation.path.startsWith('/health') || operation.path.startsWith('/docs')) continue;
    for (const badRequest of badRequestsFor(operation)) {
      const outcome = await send(service.url, token, badRequest);
      sent += 1;
      if (outcome.problem) failures.push(outcome);
    }
  }
  return { sent, failures };
}

async function send(url: string, token: string, badRequest: BadRequestCase): Promise<BadInputOutcome> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (badRequest.contentType) headers['content-type'] = badRequest.contentType;
  const response = await fetch(`${url}${badRequest.path}`, {
    method: badRequest.method,
    headers,
    body: badRequest.body,
  });
  const text = await response.text();
  const result = { case: badRequest.name, method: badRequest.method, path: badRequest.path, status: response.status };
  return { ...result, problem: problemWith(badRequest, response, text) };
}

function problemWith(badRequest: BadRequestCase, response: Response, text: string): string | null {
  const isInjection = badRequest.name.startsWith('injection');
  if (response.status >= 500) return `server error ${response.status}`;
  if (!isInjection && (response.status < 400 || response.status >= 500)) return `accepted with ${response.status}`;
  if (response.status >= 400 && !response.headers.get('content-type')?.includes('application/problem+json')) {
    return 'not problem+json';
  }
  if (/\bat .*\.(ts|js):\d+|select .* from|postgres/i.test(text)) return 'leaks internals';
  return null;
}
