const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now
  '53300', // too many connections
  '40001', // serialization failure
  '40P01', // deadlock
  '57014', // statement timeout (a lock held too long, a database under load): the same work may pass later
  '25P03', // idle-in-transaction timeout ended the session; the transaction can be tried again
]);

/**
 * True for failures that may pass if we wait (database or network down), as opposed to failures that will
 * happen again on every attempt (bad data, a rule broken), which go to the dead-letter topic instead.
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isTransientError(cause);
}
