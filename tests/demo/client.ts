import { readDevSecret } from '@resettle/infra';
import { type Caller, localTokenIssuer } from '@resettle/platform';

export const SERVICES = {
  'release-scheduling': 3001,
  'treatment-continuity': 3002,
  accommodation: 3003,
  transport: 3004,
  passport: 3005,
} as const;
export type ServiceName = keyof typeof SERVICES;

const issue = localTokenIssuer({ secret: process.env.JWT_SECRET ?? readDevSecret() });

export function serviceUrl(name: ServiceName): string {
  return `http://127.0.0.1:${process.env[`${name.toUpperCase().replaceAll('-', '_')}_PORT`] ?? SERVICES[name]}`;
}

export async function call(
  name: ServiceName,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: the demo prints whatever the APIs answer
): Promise<any> {
  const response = await fetch(`${serviceUrl(name)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${issue(caller)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw Object.assign(new Error(`${method} ${name}${path} → ${response.status}`), {
      answer,
      status: response.status,
    });
  return answer;
}

/** Retries while a downstream service has not yet heard of the release from its events. */
export async function whenKnown<T>(write: () => Promise<T>, attempts = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const unknown = JSON.stringify((error as { answer?: unknown }).answer ?? '').includes('body.releaseId');
      if (!unknown || attempt >= attempts) throw error;
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

export const token = issue;
