import { describe, expect, it } from 'vitest';
import { kafkaLogVerdict } from './kafka-log.js';

describe('what kafkajs reports, at our log level', () => {
  it('is a warning when kafkajs recovers by itself: eviction, coordinator not ready, a dropped connection', () => {
    const recovered: [string, { message: string; error?: string }][] = [
      ['Runner', { message: 'The coordinator is not aware of this member, re-joining the group' }],
      [
        'Consumer',
        { message: "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests" },
      ],
      ['Consumer', { message: 'Crash: KafkaJSConnectionClosedError: Closed connection' }],
      [
        'Consumer',
        { message: 'Crash: KafkaJSNumberOfRetriesExceeded: This is not the correct coordinator for this group' },
      ],
      ['Consumer', { message: 'Restarting the consumer in 200ms' }],
      ['Runner', { message: 'Error when calling eachBatch', error: 'The group is rebalancing, so a rejoin is needed' }],
    ];
    for (const [namespace, log] of recovered) expect(kafkaLogVerdict(namespace, log).level).toBe('warn');
  });

  it('stays an error otherwise, and protocol errors on a connection are debug', () => {
    expect(kafkaLogVerdict('Consumer', { message: 'Crash: KafkaJSError: Topic authorization failed' }).level).toBe(
      'error',
    );
    expect(kafkaLogVerdict('Runner', { message: 'Error when calling eachBatch', error: 'a bug' }).level).toBe('error');
    expect(kafkaLogVerdict('Producer', { message: 'Failed to send messages: closed connection' }).level).toBe('error');
    expect(kafkaLogVerdict('Connection', { message: 'Response Heartbeat(key: 12, version: 3)' }).level).toBe('debug');
  });
});
