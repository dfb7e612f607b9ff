import type { Transaction } from '@resettle/messaging';
import type { UnitOfWork } from './unit-of-work.js';

/**
 * Reads one of her records, takes her lock, and reads it again: what the code then decides on cannot be changed by a
 * request or an event about her until the unit commits. Undefined when there is no such record.
 */
export async function readLocked<Row extends { personId: string }>(
  work: UnitOfWork,
  read: (tx: Transaction) => Promise<Row | undefined>,
): Promise<Row | undefined> {
  const found = await read(work.tx);
  if (!found) return undefined;
  await work.lockPerson(found.personId);
  return read(work.tx);
}
