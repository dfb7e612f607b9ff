import { type EventKey, topicAccess, topicsOfEvents } from '@resettle/contracts';
import type { ServiceDefinition } from '@resettle/platform';
import { describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';
import { passport } from '../../services/passport/src/app.js';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { transport } from '../../services/transport/src/app.js';
import { treatmentContinuity } from '../../services/treatment-continuity/src/app.js';

const SERVICES = [
  releaseScheduling,
  treatmentContinuity,
  accommodation,
  transport,
  passport,
] as unknown as ServiceDefinition<Record<string, never>>[];

/** The topics a service subscribes to, read from its own declaration (handler keys or fold events). */
function declaredTopics(service: ServiceDefinition<Record<string, never>>): string[] {
  const consumes = service.consumes;
  if (!consumes) return [];
  const keys = 'fold' in consumes ? consumes.fold.events : (Object.keys(consumes.handlers({} as never)) as EventKey[]);
  return topicsOfEvents(keys);
}

describe('the ACLs derived from the contracts', () => {
  it.each(SERVICES.map((service) => [service.name, service] as const))(
    '%s may read exactly the topics it subscribes to, in its own group',
    (name, service) => {
      const access = topicAccess().find((entry) => entry.service === name);
      expect([...(access?.consumes ?? [])].sort()).toEqual(declaredTopics(service).sort());
      expect(access?.groups ?? []).toEqual(service.consumes ? [name] : []);
    },
  );
});
