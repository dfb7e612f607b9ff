import type { KnownEvent } from '@resettle/contracts';
import { applyEvent } from './apply-event.js';
import { DEFAULT_SETTINGS, type Passport } from './passport.js';

/** Folds events in order, as the consumer does, from an optional starting passport. */
export function fold(events: KnownEvent[], start?: Passport): Passport {
  let passport = start;
  for (const event of events) passport = applyEvent(passport, event, DEFAULT_SETTINGS).passport;
  if (!passport) throw new Error('no events');
  return passport;
}
