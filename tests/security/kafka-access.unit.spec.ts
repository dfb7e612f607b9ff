import { TOPICS, type TopicName, topicAccess, topicsOfEvents } from '@resettle/contracts';
import { consumedEventKeys, type ServiceDefinition } from '@resettle/platform';
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

/** The topics the runtime subscribes a service to: its declaration's (handlers, fold) and the kernel's. */
function declaredTopics(service: ServiceDefinition<Record<string, never>>): string[] {
  return topicsOfEvents(consumedEventKeys(service));
}

describe('the ACLs derived from the contracts', () => {
  it.each(SERVICES.map((service) => [service.name, service] as const))(
    '%s may read exactly the topics it subscribes to, in its own group',
    (name, service) => {
      const access = topicAccess().find((entry) => entry.service === name);
      expect([...(access?.consumes ?? [])].sort()).toEqual(declaredTopics(service).sort());
      expect(access?.groups ?? []).toEqual(consumedEventKeys(service).length > 0 ? [name] : []);
    },
  );

  it('lets only the passport make fresh groups, and only those its rebuild names', () => {
    const prefixes = topicAccess().filter((entry) => entry.groupPrefixes.length > 0);
    expect(prefixes.map(({ service, groupPrefixes }) => [service, groupPrefixes])).toEqual([
      ['passport', ['passport-rebuild-']],
    ]);
  });

  it("lets only the passport read the services' parts of a subject access export, and every service read the request", () => {
    const readers = (topic: TopicName) =>
      topicAccess()
        .filter((entry) => entry.consumes.includes(topic))
        .map((entry) => entry.service)
        .sort();
    expect(readers(TOPICS.subjectAccessAnswers)).toEqual(['passport']);
    expect(readers(TOPICS.subjectAccessRequests)).toEqual(SERVICES.map((service) => service.name).sort());
  });
});
