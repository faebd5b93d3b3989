/**
 * What one attempt at a kubernetes check found, and the context the forms read the cluster through: every
 * read goes via `read`, which gives the call its own deadline (see run.ts), so no form can hang a check.
 */
import type { ClusterReader, KubeObject, ListQuery, ObjectRef } from "../reader";

export interface AttemptOutcome {
  passed: boolean;
  /** Why it failed, naming the object and the field; "" when it passed. */
  message: string;
  /** True when trying again cannot help (an invalid request), so polling stops early. */
  permanent?: boolean;
  /** True when a read ran out of time (so the message is about the deadline, not the cluster's state). */
  timedOut?: boolean;
}

export interface AttemptContext {
  get(ref: ObjectRef): Promise<KubeObject | null>;
  list(query: ListQuery): Promise<KubeObject[]>;
}

export const passed: AttemptOutcome = { passed: true, message: "" };
export const failed = (message: string): AttemptOutcome => ({ passed: false, message });

/** Builds an AttemptContext over a reader, running each call through `withDeadline`. */
export function readerContext(
  reader: ClusterReader,
  withDeadline: <T>(target: () => string, call: (signal: AbortSignal) => Promise<T>) => Promise<T>,
  describe: { ref(ref: ObjectRef): string; query(query: ListQuery): string },
): AttemptContext {
  return {
    get: (ref) => withDeadline(() => describe.ref(ref), (signal) => reader.get(ref, { signal })),
    list: (query) => withDeadline(() => describe.query(query), (signal) => reader.list(query, { signal })),
  };
}
