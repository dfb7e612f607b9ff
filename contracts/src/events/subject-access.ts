import { type Static, Type } from '@sinclair/typebox';
import { strict, Uuid } from '../primitives.js';

/** The data protection officer asked the passport for everything the system holds about her (envelope's personId). */
export const SubjectAccessRequestedV1 = Type.Object({ requestId: Uuid }, strict);
export type SubjectAccessRequested = Static<typeof SubjectAccessRequestedV1>;

/** One record as a service holds it: column names to values (dates as ISO strings). */
const HeldRecord = Type.Record(Type.String(), Type.Unknown());

/**
 * One service's part of a subject access export: her rows from each of its own tables, by table name. Readable by the
 * passport only (contracts/src/access.ts), which assembles the parts into one document.
 */
export const SubjectAccessAnsweredV1 = Type.Object(
  {
    requestId: Uuid,
    records: Type.Record(Type.String(), Type.Array(HeldRecord)),
  },
  strict,
);
export type SubjectAccessAnswered = Static<typeof SubjectAccessAnsweredV1>;
