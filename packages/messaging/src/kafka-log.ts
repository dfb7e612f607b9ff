// kafkajs logs at error level some conditions that it recovers from by itself. Those are logged at warn here, with
// what happened; everything else it reports stays an error.

export interface KafkaLogVerdict {
  level: 'debug' | 'warn' | 'error';
  note?: string;
}

/** Conditions of the group coordinator or a connection that kafkajs retries, re-joins or restarts after. */
const RECOVERED =
  /coordinator is (loading|not available|not aware of this member)|not the correct coordinator|group is rebalancing|closed connection|connection error|connection timeout/i;

const EVICTED =
  'evicted from its group: no heartbeat within the session timeout (a busy event loop, typically while the ' +
  'service starts); kafkajs re-joins the group';
const RESTARTED = 'kafkajs restarts the consumer after this; nothing is lost (offsets are committed after effects)';

export function kafkaLogVerdict(namespace: string, log: { message: string; error?: unknown }): KafkaLogVerdict {
  // Protocol-level errors on a connection are retried by the client; only what reaches our code matters.
  if (namespace === 'Connection') return { level: 'debug' };
  if (namespace === 'Runner' && log.message.includes('not aware of this member'))
    return { level: 'warn', note: EVICTED };
  if (namespace === 'Consumer' && log.message.startsWith('Restarting the consumer')) return { level: 'warn' };
  if (namespace === 'Consumer' && log.message.startsWith('Crash:') && RECOVERED.test(log.message)) {
    return { level: 'warn', note: RESTARTED };
  }
  if (
    namespace === 'Runner' &&
    log.message.startsWith('Error when calling each') &&
    RECOVERED.test(String(log.error))
  ) {
    return { level: 'warn', note: RESTARTED };
  }
  return { level: 'error' };
}
