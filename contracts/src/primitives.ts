import { Type } from '@sinclair/typebox';

export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'calendar date in Europe/London, YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset' });
export const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:mm Europe/London',
});
export const PrisonCode = Type.String({ pattern: '^[A-Z]{3}$' });

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const strict = { additionalProperties: false } as const;
