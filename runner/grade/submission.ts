/**
 * A student's submission as `praxis grade` reads it: files under one directory, addressed by the relative
 * paths lab.yaml's `grading.submission` uses. Reading is injected (disk in the CLI, a map in tests), and
 * the whole submission is bounded so a stray `node_modules` cannot flood a host.
 */

export interface SubmissionSource {
  /** The file's bytes, or undefined when the submission has no such file. */
  read(relative: string): Promise<Uint8Array | undefined>;
  /** Every file at or below a relative folder ("." for all), sorted, forward slashes. */
  filesUnder(relative: string): Promise<string[]>;
}

export const SUBMISSION_LIMITS = { files: 2000, bytes: 50 * 1024 * 1024 } as const;

/** The submission cannot be read as a whole: too large, or not a directory. */
export class SubmissionUnreadable extends Error {
  override readonly name = "SubmissionUnreadable";
}

/** An in-memory submission (tests, or content already read). */
export function memorySubmission(files: Record<string, string | Uint8Array>): SubmissionSource {
  const encoder = new TextEncoder();
  const entries = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? encoder.encode(v) : v]));
  return {
    read: async (relative) => entries.get(relative),
    filesUnder: async (relative) => [...entries.keys()].filter((k) => relative === "." || k === relative || k.startsWith(`${relative}/`)).sort(),
  };
}
