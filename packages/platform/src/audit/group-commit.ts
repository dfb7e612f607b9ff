import { type Database, insertRows } from '@resettle/messaging';
import { AUDIT_ENTRY_KEYS, type AuditEntry, auditLog } from './schema.js';

interface Waiting {
  entry: AuditEntry;
  written: () => void;
  failed: (error: unknown) => void;
}

/**
 * Writes audit rows for reads outside a transaction. Each caller still waits for its own row to be committed, but
 * rows that arrive while an insert is in flight go together in the next one, so under load a hundred reads cost one
 * commit instead of a hundred. Alone, a read costs what it did: one insert.
 */
class AuditGroupCommit {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  write(entry: AuditEntry): Promise<void> {
    return new Promise((written, failed) => {
      this.waiting.push({ entry, written, failed });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, 500);
      await this.insert(group);
    }
    this.flushing = false;
  }

  /** A group that fails is retried row by row, so one bad row refuses only its own read. */
  private async insert(group: Waiting[]): Promise<void> {
    try {
      await insertRows(
        this.db,
        auditLog,
        AUDIT_ENTRY_KEYS,
        group.map((waiting) => waiting.entry),
      );
      for (const waiting of group) waiting.written();
    } catch (error) {
      if (group.length === 1) return group[0]!.failed(error);
      for (const waiting of group) await this.insert([waiting]);
    }
  }
}

const writers = new WeakMap<Database, AuditGroupCommit>();

export function writeAuditOutsideTransaction(db: Database, entry: AuditEntry): Promise<void> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditGroupCommit(db);
    writers.set(db, writer);
  }
  return writer.write(entry);
}
