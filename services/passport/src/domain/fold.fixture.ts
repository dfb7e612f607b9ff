import { applyEvent } from './apply-event.js';
import type { Passport } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

/** Folds events in order, as the consumer does, from an optional starting passport. */
export function fold(events: UpstreamEvent[], start?: Passport): Passport {
  let passport = start;
  for (const event of events) passport = applyEvent(passport, event).passport;
  if (!passport) throw new Error('no events');
  return passport;
}
