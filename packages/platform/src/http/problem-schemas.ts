import { Type } from '@sinclair/typebox';

/** The problem+json bodies `problems.ts` sends, as response schemas (a route lists the ones it can answer with). */
const problem = {
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  correlationId: Type.String(),
};

const Finding = Type.Object({ rule: Type.String(), field: Type.String(), message: Type.String() });

/** 401, 403, 404: what went wrong, nothing about the record. */
export const Problem = Type.Object(problem);

/** 400: the fields at fault. */
export const InvalidRequest = Type.Object({
  ...problem,
  status: Type.Literal(400),
  // Absent when the body could not be read at all (malformed JSON).
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() }))),
});

/** 409: the state the record is in forbids it (or it is not known here yet: try again after `Retry-After`). */
export const ConflictProblem = Type.Object({
  ...problem,
  status: Type.Literal(409),
  rule: Type.String(),
  field: Type.Optional(Type.String()),
});

/** 422: the first rule broken and its field, with every rule broken. */
export const Refusal = Type.Object({
  ...problem,
  status: Type.Literal(422),
  rule: Type.String(),
  detail: Type.String(),
  field: Type.String(),
  violations: Type.Array(Finding),
});

const PROBLEMS = { 400: InvalidRequest, 401: Problem, 403: Problem, 404: Problem, 409: ConflictProblem, 422: Refusal };
type ProblemStatus = keyof typeof PROBLEMS;

/** The response schemas for the problems a route can answer with, e.g. `{ 200: View, ...problemsFor(400, 404) }`. */
export function problemsFor<const S extends ProblemStatus>(...statuses: S[]): Pick<typeof PROBLEMS, S> {
  return Object.fromEntries(statuses.map((status) => [status, PROBLEMS[status]])) as Pick<typeof PROBLEMS, S>;
}
