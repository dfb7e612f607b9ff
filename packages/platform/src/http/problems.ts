import type { FastifyError, FastifyInstance } from 'fastify';
import type { Violation } from '../rules.js';

/** A request refused by a domain rule: 422 with the rule's code and whatever explains it (e.g. nearest alternative). */
export class RuleRefusal extends Error {
  readonly statusCode = 422;
  constructor(
    readonly rule: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The first broken rule becomes the 422 (the others are listed with it); nothing is stored. `fieldPrefix` places the
 * rule's field in the request (`body.`) when the rules name fields of the domain object.
 */
export function refuseFirstBroken(violations: readonly Violation[], fieldPrefix = ''): void {
  const [first] = violations;
  if (!first) return;
  throw new RuleRefusal(first.rule, first.message, { field: `${fieldPrefix}${first.field}`, violations });
}

/** A record that does not exist, or that the caller may not see: the two are indistinguishable on purpose. */
export class NotFound extends Error {
  readonly statusCode = 404;
}

/** Input that is well-formed but names something that does not exist (an unknown prison): 400 naming the field. */
export class InvalidField extends Error {
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export class Conflict extends Error {
  readonly statusCode = 409;
  constructor(
    readonly rule: string,
    message: string,
    /** The field the conflict is about, and when to try again if waiting is all it takes (`Retry-After`). */
    readonly about: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export function httpError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

const PROBLEM_BASE = 'https://resettle.invalid/problems/';

/** Every error leaves as application/problem+json, with no stack trace, SQL or internal detail. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .type('application/problem+json')
      .send({ type: `${PROBLEM_BASE}not-found`, title: 'Not found', status: 404, correlationId: request.id });
  });
  app.setErrorHandler((error: FastifyError | RuleRefusal | Conflict | InvalidField, request, reply) => {
    const body = problemFor(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof Conflict && error.about.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(error.about.retryAfterSeconds));
    }
    void reply
      .code(body.status)
      .type('application/problem+json')
      .send({ ...body, correlationId: request.id });
  });
}

function problemFor(
  error: FastifyError | RuleRefusal | Conflict | InvalidField,
): Record<string, unknown> & { status: number } {
  if (error instanceof RuleRefusal) {
    return {
      type: `${PROBLEM_BASE}${error.rule.toLowerCase()}`,
      title: 'Refused by a rule',
      status: 422,
      rule: error.rule,
      detail: error.message,
      ...error.details,
    };
  }
  if (error instanceof InvalidField) {
    const errors = [{ field: error.field, rule: error.rule, message: error.message }];
    return {
      type: `${PROBLEM_BASE}validation`,
      title: 'Invalid request',
      status: 400,
      detail: summary(errors),
      errors,
    };
  }
  if (error instanceof Conflict) {
    const field = error.about.field === undefined ? {} : { field: error.about.field };
    return {
      type: `${PROBLEM_BASE}conflict`,
      title: 'Conflict',
      status: 409,
      rule: error.rule,
      detail: error.message,
      ...field,
    };
  }
  if ('validation' in error && error.validation) {
    const errors = error.validation.map((issue) => ({
      field: fieldOf(error.validationContext ?? 'body', issue.instancePath, issue.params),
      rule: issue.keyword,
      message: issue.message ?? 'is invalid',
    }));
    return {
      type: `${PROBLEM_BASE}validation`,
      title: 'Invalid request',
      status: 400,
      detail: summary(errors),
      errors,
    };
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) return { type: `${PROBLEM_BASE}internal`, title: 'Internal error', status };
  return { type: `${PROBLEM_BASE}${status}`, title: titleFor(status), status, detail: error.message };
}

function fieldOf(context: string, instancePath: string, params: Record<string, unknown>): string {
  const extra = params.missingProperty ?? params.additionalProperty;
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const parts = [context, path, typeof extra === 'string' ? extra : ''].filter((part) => part !== '');
  return parts.join('.');
}

function summary(errors: { field: string; message: string }[]): string {
  return errors.map((issue) => `${issue.field} ${issue.message}`).join('; ');
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorised',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    409: 'Conflict',
    413: 'Payload too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request failed';
}
