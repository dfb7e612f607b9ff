import { ALL_TOPICS, EVENT_DEFINITIONS, type EventKey, TOPICS, topicsOfEvents } from '@resettle/contracts';
import type { EventHandlers } from '@resettle/platform';
import { describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';
import { transport } from '../../services/transport/src/app.js';

/** Every field path of a TypeBox schema, e.g. `firstAppointment.place` (unions and arrays looked through). */
function fieldsOf(schema: Record<string, unknown>, prefix = ''): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const nested = [...((schema.anyOf ?? []) as Record<string, unknown>[])];
  if (schema.items) nested.push(schema.items as Record<string, unknown>);
  return [
    ...Object.entries(properties).flatMap(([name, field]) => [
      `${prefix}${name}`,
      ...fieldsOf(field, `${prefix}${name}.`),
    ]),
    ...nested.flatMap((inner) => fieldsOf(inner, prefix)),
  ];
}

function fieldsReaching(topics: readonly string[]): Set<string> {
  const definitions = Object.values(EVENT_DEFINITIONS).filter((definition) => topics.includes(definition.topic));
  return new Set(definitions.flatMap((definition) => fieldsOf(definition.dataSchema as never)));
}

/** What treatment-continuity knows that neither her bed nor her journey needs. */
const CLINICAL = [
  'treatment',
  'dailyOst',
  'injectable',
  'naloxoneSupplied',
  'bridgingPrescription',
  'weekendCoverPlan',
  'consentToShare',
  'referrals',
  'preferences',
  'femaleKeyWorkerRequested',
  'keyWorker',
  'firstAppointment',
  'providerId',
];

/** The topics a service subscribes to, as the runtime derives them from the events it declares. */
function topicsOf(service: { consumes?: unknown }): string[] {
  const consumes = service.consumes as { handlers(context: never): EventHandlers };
  // Building the handlers reads nothing from the context; the keys are the declaration.
  return topicsOfEvents(Object.keys(consumes.handlers({} as never)) as EventKey[]);
}

describe('events carry only what their consumers need', () => {
  it.each([
    ['accommodation', topicsOf(accommodation)],
    ['transport', topicsOf(transport)],
  ] as const)('%s subscribes to no topic carrying treatment detail', (_service, topics) => {
    const received = fieldsReaching(topics);
    expect(CLINICAL.filter((field) => received.has(field))).toEqual([]);
  });

  it('tells them where and when her treatment starts, and nothing more', () => {
    expect([...fieldsReaching([TOPICS.treatmentLogistics])].sort()).toEqual([
      'firstAppointmentAt',
      'handoffId',
      'handoffRevision',
      'providerArea',
      'providerArea.localAuthority',
      'providerArea.postcodeDistrict',
      'releaseId',
    ]);
  });

  it('finds the clinical fields on the status topic the passport reads (so the check above can fail)', () => {
    const onStatusTopic = fieldsReaching([TOPICS.treatmentContinuity]);
    expect(CLINICAL.filter((field) => !onStatusTopic.has(field))).toEqual(['treatment', 'preferences']);
    // The treatment itself (drug, dose) is on no topic: it goes only to the addressed provider's webhook.
    expect(fieldsReaching(ALL_TOPICS).has('treatment.dose')).toBe(false);
  });
});
