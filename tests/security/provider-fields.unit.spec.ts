import { EVENT_DEFINITIONS, PROVIDER_MESSAGES } from '@resettle/contracts';
import { describe, expect, it } from 'vitest';

type Schema = Record<string, unknown>;

/** Every string field of a TypeBox schema that takes any text (no const, enum, format or pattern), by path. */
function freeTextFields(schema: Schema, path = ''): string[] {
  if (
    schema.type === 'string' &&
    !('const' in schema || 'enum' in schema || 'format' in schema || 'pattern' in schema)
  ) {
    return [path];
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const nested = [...((schema.anyOf ?? []) as Schema[]), ...(schema.items ? [schema.items as Schema] : [])];
  return [
    ...Object.entries(properties).flatMap(([name, field]) => freeTextFields(field, path ? `${path}.${name}` : name)),
    ...nested.flatMap((inner) => freeTextFields(inner, path)),
  ];
}

/**
 * The only text a provider receives, each a fact it needs to take over her care — not a reason, a note or a comment
 * typed by staff. A new free-text field must be argued for here, or sent as a category instead.
 */
const FACTS_A_PROVIDER_NEEDS: Record<string, string> = {
  providerId: 'its own id',
  'providerArea.localAuthority': 'its own area, from reference data',
  'providerArea.postcodeDistrict': 'its own area, from reference data',
  'treatment.dose': 'the dose to continue (prescribing detail it must have)',
  'firstAppointment.place': 'where to meet her',
  'previous.place': 'where the appointment was before it changed',
};

describe('messages to providers carry no free text typed by staff', () => {
  it.each(Object.entries(PROVIDER_MESSAGES))('%s: only the facts it needs', (_key, definition) => {
    const text = freeTextFields(definition.dataSchema as Schema);
    expect(text.filter((field) => !(field in FACTS_A_PROVIDER_NEEDS))).toEqual([]);
  });

  it('finds the free-text reasons in the internal status events (so the check above can fail)', () => {
    const withdrawn = freeTextFields(EVENT_DEFINITIONS['treatment.handoff.withdrawn@v1'].dataSchema as Schema);
    const reconfirm = freeTextFields(
      EVENT_DEFINITIONS['treatment.handoff.needs-reconfirmation@v1'].dataSchema as Schema,
    );
    expect(withdrawn.filter((field) => !(field in FACTS_A_PROVIDER_NEEDS))).toEqual(['reason']);
    expect(reconfirm.filter((field) => !(field in FACTS_A_PROVIDER_NEEDS))).toEqual(['reason']);
  });
});
