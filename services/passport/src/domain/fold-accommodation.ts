import type { AccommodationConfirmed } from '@resettle/contracts';
import { longDate } from './dates.js';
import type { Folded } from './fold-release.js';
import type { AccommodationFacts } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

/** Accommodation's status events, for the timeline only: whether it will do is accommodation's verdict. */
export function foldAccommodation(
  current: AccommodationFacts | null,
  event: UpstreamEvent,
): Folded<AccommodationFacts> | null {
  switch (event.type) {
    case 'accommodation.confirmed':
      return { facts: confirmed(event.data), summary: `Accommodation confirmed: ${describe(event.data)}` };
    case 'accommodation.changed':
      return { facts: confirmed(event.data), summary: `Accommodation changed: ${describe(event.data)}` };
    case 'accommodation.withdrawn': {
      const base = current ?? { accommodationId: event.data.accommodationId, type: 'none' };
      return {
        facts: { ...base, status: 'withdrawn' },
        summary: `Accommodation withdrawn: ${event.data.reason}`,
      };
    }
    default:
      return null;
  }
}

const TYPE_WORDS: Record<string, string> = {
  'own-tenancy': 'her own tenancy',
  'family-or-friends': 'with family or friends',
  'approved-premises': 'approved premises',
  'supported-housing': 'supported housing',
  'temporary-or-hostel': 'temporary accommodation or hostel',
  none: 'no accommodation',
};

export function accommodationTypeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

function describe(data: AccommodationConfirmed): string {
  const where = data.localAuthority ? ` in ${data.localAuthority}` : '';
  const from = data.confirmedFrom ? `, from ${longDate(data.confirmedFrom)}` : ', start date not yet confirmed';
  return `${accommodationTypeWords(data.type)}${where}${from}`;
}

function confirmed(data: AccommodationConfirmed): AccommodationFacts {
  return { accommodationId: data.accommodationId, status: 'confirmed', type: data.type };
}
