import { type TSchema, Type } from '@sinclair/typebox';
import { Instant, PersonId, Uuid } from './primitives.js';

const envelopeFields = {
  id: Uuid,
  occurredAt: Instant,
  source: Type.String({ minLength: 1 }),
  personId: PersonId,
  correlationId: Type.String({ minLength: 1, maxLength: 128 }),
  causationId: Type.Union([Type.String({ minLength: 1, maxLength: 128 }), Type.Null()]),
};

/** The one envelope every event travels in; `data` is checked against the event's own schema. */
export const EventEnvelopeSchema = Type.Object(
  {
    ...envelopeFields,
    type: Type.String({ pattern: '^[a-z]+(\\.[a-z-]+)+$' }),
    version: Type.Integer({ minimum: 1 }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  source: string;
  personId: string;
  correlationId: string;
  causationId: string | null;
  data: TData;
}

/** The full schema of one event type at one version. */
export function envelopeOf<T extends TSchema, const Name extends string, const Version extends number>(
  dataSchema: T,
  type: Name,
  version: Version,
) {
  return Type.Object(
    { ...envelopeFields, type: Type.Literal(type), version: Type.Literal(version), data: dataSchema },
    { additionalProperties: false, $id: `${type}.v${version}` },
  );
}
