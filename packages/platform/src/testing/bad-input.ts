import { randomUUID } from 'node:crypto';
import type { TestService } from './index.js';

interface Operation {
  method: string;
  path: string;
  bodySchema?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

export interface BadRequestCase {
  name: string;
  method: string;
  path: string;
  contentType?: string;
  body?: string;
}

const INJECTIONS = ["'; drop table outbox; --", '<script>alert(1)</script>', '{{7*7}}', '../../etc/passwd', '\u0000'];

/** Every operation in the service's OpenAPI document, with its JSON body schema if it takes one. */
export function operationsOf(service: TestService): Operation[] {
  const document = service.app.swagger() as {
    paths?: Record<
      string,
      Record<string, { requestBody?: unknown; parameters?: { in: string; name: string; schema: JsonSchema }[] }>
    >;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, spec] of Object.entries(methods)) {
      const body = spec.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
      const query = (spec.parameters ?? []).filter((parameter) => parameter.in === 'query');
      operations.push({
        method: method.toUpperCase(),
        path,
        bodySchema: body?.content?.['application/json']?.schema,
        query,
      });
    }
  }
  return operations;
}

/** Bad requests for one operation: broken JSON, wrong media type, oversize, missing/extra fields, wrong types… */
export function badRequestsFor(operation: Operation): BadRequestCase[] {
  const path = operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const base = { method: operation.method, path };
  const unknownId = operation.path.includes('{') ? [{ ...base, name: 'unknown id' }] : [];
  const queryCases = operation.query.flatMap(({ name, schema: parameter }) => queryCasesFor(base, name, parameter));
  const schema = operation.bodySchema;
  if (!schema?.properties) return [...unknownId, ...queryCases];
  const valid = sampleOf(schema) as Record<string, unknown>;
  const json = (body: unknown) => ({ ...base, contentType: 'application/json', body: JSON.stringify(body) });
  const cases: BadRequestCase[] = [
    ...unknownId,
    ...queryCases,
    { ...base, name: 'invalid JSON', contentType: 'application/json', body: '{"personId": ' },
    { ...base, name: 'wrong media type', contentType: 'text/plain', body: 'hello' },
    { ...json({ ...valid, padding: 'x'.repeat(70_000) }), name: 'oversize body' },
    { ...json({}), name: 'missing fields' },
    { ...json({ ...valid, unexpected: true }), name: 'extra field' },
  ];
  for (const [field, property] of Object.entries(schema.properties)) {
    cases.push({ ...json({ ...valid, [field]: wrongTypeFor(property) }), name: `wrong type for ${field}` });
    if (isStringy(property)) {
      for (const injection of INJECTIONS) {
        cases.push({ ...json({ ...valid, [field]: injection }), name: `injection in ${field}` });
      }
    }
    if (property.format === 'date')
      cases.push({ ...json({ ...valid, [field]: '2026-02-30' }), name: `impossible ${field}` });
    if (property.format === 'date-time') {
      cases.push({ ...json({ ...valid, [field]: '2026-03-29T01:30:00' }), name: `${field} in the DST gap, no offset` });
    }
  }
  return cases;
}

/** A query parameter with a value of the wrong shape, and with injection strings (which must not cause a 5xx). */
function queryCasesFor(base: { method: string; path: string }, name: string, schema: JsonSchema): BadRequestCase[] {
  const withValue = (value: string) => `${base.path}?${name}=${encodeURIComponent(value)}`;
  const wrong =
    schema.format === 'date' ? '2026-02-30' : schema.type === 'integer' || schema.type === 'number' ? 'many' : null;
  const cases: BadRequestCase[] = INJECTIONS.map((injection) => ({
    ...base,
    path: withValue(injection),
    name: `injection in query ${name}`,
  }));
  if (wrong || schema.pattern || schema.format) {
    cases.push({ ...base, path: withValue(wrong ?? '!!not-valid!!'), name: `invalid query ${name}` });
  }
  return cases;
}

function isStringy(schema: JsonSchema): boolean {
  return schema.type === 'string';
}

function wrongTypeFor(schema: JsonSchema): unknown {
  if (schema.type === 'string') return 12_345;
  if (schema.type === 'object') return 'not an object';
  if (schema.type === 'array') return { not: 'an array' };
  return 'not a number';
}

/** A plausible value for each field, so a case breaks one thing at a time. */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, sampleOf(value)]));
  }
  if (schema.format === 'date') return '2026-11-18';
  if (schema.format === 'date-time') return '2026-11-18T09:00:00Z';
  if (schema.format === 'uuid') return randomUUID();
  if (schema.type === 'boolean') return false;
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'array') return [];
  return 'ABC';
}
