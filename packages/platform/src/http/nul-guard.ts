import type { FastifyInstance } from 'fastify';
import { InvalidField } from './problems.js';

/** The path of the first string holding a NUL character (PostgreSQL text cannot store one), if any. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulPath(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** Refuses NUL characters anywhere in the query, params or body with a 400 naming the field, before any handler. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const field = nulPath(value, part);
      if (field) throw new InvalidField(field, 'no-nul-characters', 'must not contain NUL characters');
    }
  });
}
