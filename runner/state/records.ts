/**
 * What the runner must remember about a session beyond its Docker labels, which are immutable: a new
 * expiry after an extension, and that a warm-pool member was claimed by a learner (with its new
 * creation and expiry times). Reconciliation applies these records on top of the labels, so both survive
 * a runner restart. One interface, a JSON-file implementation (file-records.ts) and this in-memory fake.
 */

export interface SessionRecord {
  createdAt: string;
  expiresAt: string;
  /** A warm-pool member handed to a learner: adopt it as ready, not back into the pool. */
  claimed?: boolean;
}

export interface SessionRecordStore {
  all(): Promise<ReadonlyMap<string, SessionRecord>>;
  put(sessionId: string, record: SessionRecord): Promise<void>;
  remove(sessionId: string): Promise<void>;
}

export class MemoryRecordStore implements SessionRecordStore {
  readonly records = new Map<string, SessionRecord>();

  async all(): Promise<ReadonlyMap<string, SessionRecord>> {
    return new Map(this.records);
  }

  async put(sessionId: string, record: SessionRecord): Promise<void> {
    this.records.set(sessionId, { ...record });
  }

  async remove(sessionId: string): Promise<void> {
    this.records.delete(sessionId);
  }
}
