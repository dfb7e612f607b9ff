import type { ServiceContext } from '@resettle/platform';
import { ARRIVAL_MARGIN_MINUTES } from '@resettle/rules';
import { type Static, Type } from '@sinclair/typebox';
import type { TravelSettings } from './domain/index.js';

export const settings = Type.Object({
  EVENING_CUTOFF: Type.String({ default: '17:00', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  LONG_JOURNEY_HOURS: Type.Number({ exclusiveMinimum: 0, maximum: 24, default: 3 }),
});

export type TransportContext = ServiceContext<Static<typeof settings>>;

export function travelSettingsOf(context: TransportContext): TravelSettings {
  return {
    // Shared with treatment-continuity (is the appointment reachable?): one margin, not a setting of each service.
    appointmentMarginMinutes: ARRIVAL_MARGIN_MINUTES,
    eveningCutoff: context.config.EVENING_CUTOFF,
    longJourneyHours: context.config.LONG_JOURNEY_HOURS,
  };
}
