import type { UpstreamEvent } from './upstream.js';

/** What the provider recorded after her release: the alarm, and what continuity is measured on. */
export interface AftercareFacts {
  /** Set by a missed first appointment; cleared only when a later appointment is attended. */
  alarm: 'missed-first-appointment' | null;
  missed: { handoffId: string; appointmentAt: string; recordedAt: string } | null;
  /** The new time of a moved first appointment, until it is attended. */
  nextAppointmentAt: string | null;
  /** Whether any first appointment was attended (a moved one counts once, when attended). */
  attended: boolean;
  /** The earliest start of community treatment reported, 'YYYY-MM-DD'. */
  treatmentStartedOn: string | null;
  disengaged: boolean;
}

export const NO_AFTERCARE: AftercareFacts = {
  alarm: null,
  missed: null,
  nextAppointmentAt: null,
  attended: false,
  treatmentStartedOn: null,
  disengaged: false,
};

/** Folds the provider's records; null when the event is not one of them. */
export function foldAftercare(
  current: AftercareFacts | null | undefined,
  event: UpstreamEvent,
): { facts: AftercareFacts; summary: string } | null {
  const facts = current ?? NO_AFTERCARE;
  switch (event.type) {
    case 'treatment.first-appointment.recorded': {
      const { outcome, handoffId, appointmentAt, newAppointmentAt, recordedAt } = event.data;
      if (outcome === 'attended') {
        return {
          facts: { ...facts, attended: true, alarm: null, missed: null, nextAppointmentAt: null },
          summary: facts.alarm ? 'First appointment attended: alarm cleared' : 'First appointment attended',
        };
      }
      if (outcome === 'not-attended') {
        return {
          facts: { ...facts, alarm: 'missed-first-appointment', missed: { handoffId, appointmentAt, recordedAt } },
          summary: 'ALARM: missed first appointment',
        };
      }
      return {
        facts: { ...facts, nextAppointmentAt: newAppointmentAt },
        summary: `First appointment moved to ${newAppointmentAt ?? 'a new time'}`,
      };
    }
    case 'treatment.started': {
      const { startedOn } = event.data;
      const earliest =
        facts.treatmentStartedOn && facts.treatmentStartedOn < startedOn ? facts.treatmentStartedOn : startedOn;
      return {
        facts: { ...facts, treatmentStartedOn: earliest },
        summary: `Community treatment started on ${startedOn}`,
      };
    }
    case 'treatment.disengaged':
      return { facts: { ...facts, disengaged: true }, summary: 'Provider reported she disengaged from treatment' };
    default:
      return null;
  }
}
