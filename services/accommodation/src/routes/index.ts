import type { Server } from '@resettle/platform';
import type { AccommodationContext } from '../settings.js';
import { accommodationRoutes } from './accommodations.js';
import { restrictedAreaRoutes } from './restricted-areas.js';
import { safeguardingReviewRoutes } from './safeguarding-reviews.js';

export async function routes(app: Server, context: AccommodationContext): Promise<void> {
  await accommodationRoutes(app, context);
  await safeguardingReviewRoutes(app, context);
  await restrictedAreaRoutes(app, context);
}
