import type { ServiceContext } from '@resettle/platform';
import { type Static, Type } from '@sinclair/typebox';
import { DEFAULT_ALERT_AFTER_DECLINES } from './domain/index.js';

export const settings = Type.Object({
  /** Declined proposals for one woman from which each further decline alerts her offender manager. */
  SAFEGUARDING_ALERT_AFTER_DECLINES: Type.Integer({ minimum: 1, maximum: 20, default: DEFAULT_ALERT_AFTER_DECLINES }),
});

export type AccommodationContext = ServiceContext<Static<typeof settings>>;
