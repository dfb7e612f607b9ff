import { randomUUID } from 'node:crypto';
import { type EventType, parseEvent } from '@resettle/contracts';
import { londonAt, PAST_DATES, previousDay, UPCOMING_DATES } from './calendar.js';
import { bookedOf, PRISONS, type Produced, SOURCE_TOPIC, type Woman, womanOf } from './women.js';

export { type Produced, REGIONS, type Woman, womanOf } from './women.js';

/**
 * Twenty upstream events of one woman's journey, as the owning services publish them: scheduled, booked,
 * housed, transport, accepted, the release moved a day earlier and everything re-confirmed, and (when
 * `released`: dated in the past year) the gate; otherwise dated one to sixteen weeks ahead. Kafka messages.
 */
export function journeyOf(woman: Woman, prefix: string, released: boolean): Produced[] {
  const { personId, releaseId, region } = woman;
  const dates = released ? PAST_DATES : UPCOMING_DATES;
  const date = dates[woman.n % dates.length]!;
  const moved = previousDay(date);
  const prisonCode = PRISONS[woman.n % PRISONS.length]!;
  const handoff = {
    handoffId: randomUUID(),
    releaseId,
    providerId: `provider-${region.toLowerCase().replaceAll(' ', '-')}-${woman.n % 5}`,
    providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
  };
  const appointment = (day: string) => ({ at: londonAt(day, '14:00'), place: 'Community drug service' });
  const release = (day: string, gateTime: string) => ({
    releaseId,
    prisonCode,
    probationRegion: region,
    legalReleaseDate: date,
    releaseDate: day,
    gateTime,
    gateAt: londonAt(day, gateTime),
    rulesApplied: [],
    dayOfReleaseMoveEligible: true,
    weekendCoverPlanRequired: false,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: woman.n % 4 !== 0,
  });
  const rescheduled = (from: string, to: string, gateTime: string) => ({
    ...release(to, gateTime),
    previous: { releaseDate: from, gateTime: '09:30', gateAt: londonAt(from, '09:30') },
    reason: 'Sentence recalculated',
  });
  const accommodationId = randomUUID();
  const housing = (from: string) => ({
    accommodationId,
    releaseId,
    type: 'supported-housing' as const,
    localAuthority: 'Bristol',
    postcodeDistrict: 'BS2',
    confirmedFrom: from,
    womenOnly: true,
    localTreatmentMismatch: false,
  });
  const travelPlanId = randomUUID();
  const travel = (day: string, departs: string) => ({
    travelPlanId,
    releaseId,
    mode: 'met-at-gate' as const,
    departureAt: londonAt(day, departs),
    expectedArrivalAt: londonAt(day, '12:30'),
    destination: 'first-appointment' as const,
    longJourneyWithoutEscort: false,
  });
  const keyWorker = { name: 'Key worker', gender: 'female' as const };
  const steps: [EventType, unknown][] = [
    ['release.scheduled', release(date, '09:30')],
    ['treatment.handoff.booked', bookedOf(handoff, appointment(date))],
    ['accommodation.confirmed', housing(date)],
    ['transport.arranged', travel(date, '09:45')],
    ['treatment.handoff.accepted', { ...handoff, keyWorker, firstAppointment: appointment(date) }],
    ['release.rescheduled', rescheduled(date, moved, '09:30')],
    [
      'treatment.handoff.needs-reconfirmation',
      { ...handoff, reason: 'Release moved', releaseDate: moved, gateAt: londonAt(moved, '09:30') },
    ],
    [
      'accommodation.at-risk',
      {
        accommodationId,
        releaseId,
        reason: 'Confirmed from after the release date',
        releaseDate: moved,
        confirmedFrom: date,
      },
    ],
    [
      'transport.at-risk',
      { travelPlanId, releaseId, reasons: [{ rule: 'BEFORE_GATE', message: 'Leaves before the gate' }] },
    ],
    ['accommodation.changed', housing(moved)],
    ['transport.changed', travel(moved, '09:45')],
    ['treatment.handoff.appointment-changed', { ...handoff, firstAppointment: appointment(moved), previous: null }],
    ['treatment.handoff.accepted', { ...handoff, keyWorker, firstAppointment: appointment(moved) }],
    ['release.rescheduled', rescheduled(moved, moved, '10:00')],
    ['transport.changed', travel(moved, '10:15')],
    ['treatment.handoff.appointment-changed', { ...handoff, firstAppointment: appointment(moved), previous: null }],
    ['accommodation.changed', housing(moved)],
    ['transport.changed', travel(moved, '10:20')],
    ['treatment.handoff.accepted', { ...handoff, keyWorker, firstAppointment: appointment(moved) }],
    released
      ? ['release.occurred', { releaseId, prisonCode, releaseDate: moved, gatePassedAt: londonAt(moved, '10:05') }]
      : ['transport.changed', travel(moved, '10:25')],
  ];
  const start = Date.parse(`${date}T00:00:00Z`) - 30 * 86_400_000;
  return steps.map(([type, data], step) => {
    const [source, topic] = SOURCE_TOPIC[type.split('.')[0]!]!;
    const event = {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date(start + step * 3_600_000).toISOString(),
      source,
      personId,
      correlationId: randomUUID(),
      causationId: null,
      data,
    };
    return { topic: `${prefix}${topic}`, key: personId, value: JSON.stringify(event) };
  });
}

/** Fails loudly if the generator drifts from the contracts (checked once per run, both variants). */
export function checkAgainstContracts(): void {
  for (const released of [true, false]) {
    for (const message of journeyOf(womanOf(1), '', released)) {
      const parsed = parseEvent(JSON.parse(message.value));
      if (!parsed.ok) throw new Error(`bench journey event invalid: ${parsed.errors.join('; ')}`);
    }
  }
}
