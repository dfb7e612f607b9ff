import { describe, expect, it } from 'vitest';
import { ALL_TOPICS, deadLetterTopicFor, PARTITIONS, partitionKeyOf, TOPICS, topicName } from './topics.js';

describe('topics', () => {
  it('names one topic per owning service, plus the treatment logistics and subject access topics (no shared provider topic)', () => {
    expect(ALL_TOPICS).toEqual([
      'resettle.release-scheduling.events.v1',
      'resettle.treatment-continuity.events.v1',
      'resettle.treatment-continuity.logistics.v1',
      'resettle.accommodation.events.v1',
      'resettle.transport.events.v1',
      'resettle.passport.events.v1',
      'resettle.passport.subject-access-requests.v1',
      'resettle.subject-access.answers.v1',
    ]);
    expect(PARTITIONS).toBe(3);
  });

  it('puts an optional namespace in front of a topic', () => {
    expect(topicName(TOPICS.passport)).toBe('resettle.passport.events.v1');
    expect(topicName(TOPICS.passport, 'test-42.')).toBe('test-42.resettle.passport.events.v1');
  });

  it('dead-letters per consumer group', () => {
    expect(deadLetterTopicFor('passport')).toBe('resettle.passport.dlq');
  });

  it('keys every event by the prison number', () => {
    expect(partitionKeyOf({ personId: 'A1234BC' })).toBe('A1234BC');
  });
});
