/**
 * The retry loop of the host check kinds (container, file, http): try, and if the condition does not hold
 * yet, wait `intervalMs` and try again until `timeoutMs` has passed, then report the last failure. Each
 * attempt is told how much time it has, and the loop also races it against a hard deadline (the check's
 * end plus a small grace for the in-host `timeout` to kill what it started), so even an attempt that
 * never settles cannot hold the learner's Check button, or the background checker, past that point.
 */
import { sleep } from "./sleep";

export interface PollAttemptOutcome {
  passed: boolean;
  /** Why it failed ("" when it passed). */
  message: string;
  /** Trying again cannot help (the check itself is broken), so stop now. */
  permanent?: boolean;
}

export interface PollResult {
  passed: boolean;
  message: string;
  durationMs: number;
  attempts: number;
}

export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Extra time an attempt may take beyond the check's end before it is abandoned (default 3 s). */
  graceMs?: number;
  /** Cancels the check (the session ended); the result then says so. */
  signal?: AbortSignal;
  /** Learner-facing messages longer than this are cut (default 1000 characters). */
  messageCap?: number;
  now?: () => number;
}

export const POLL_MESSAGE_CAP = 1000;
const DEFAULT_GRACE_MS = 3000;

/** `attempt(budgetMs)` makes one try; budgetMs is what is left of the check (at least 1 ms). */
export async function poll(attempt: (budgetMs: number) => Promise<PollAttemptOutcome>, options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now;
  const start = now();
  const end = start + options.timeoutMs;
  const grace = options.graceMs ?? DEFAULT_GRACE_MS;
  const cap = options.messageCap ?? POLL_MESSAGE_CAP;
  const finish = (passed: boolean, message: string, attempts: number): PollResult => ({
    passed,
    message: message.length <= cap ? message : `${message.slice(0, cap - 1)}…`,
    durationMs: Math.max(0, now() - start),
    attempts,
  });
  let attempts = 0;
  let last = "";
  for (;;) {
    if (options.signal?.aborted) return finish(false, "the check was cancelled", attempts);
    attempts++;
    const budget = Math.max(1, end - now());
    const tried = attempt(budget).catch((error: unknown): PollAttemptOutcome => ({
      passed: false,
      message: `could not run the check: ${error instanceof Error ? error.message : String(error)}`,
    }));
    const outcome = await bounded(tried, budget + grace, options.signal);
    if (outcome === "cancelled") return finish(false, "the check was cancelled", attempts);
    if (outcome === "overran") {
      const seconds = Math.ceil(options.timeoutMs / 1000);
      return finish(false, last === "" ? `the check did not finish within ${seconds}s` : last, attempts);
    }
    if (outcome.passed) return finish(true, "", attempts);
    last = outcome.message;
    if (outcome.permanent || now() >= end) break;
    await sleep(Math.min(options.intervalMs, end - now()), options.signal);
    if (now() >= end) break;
  }
  return finish(false, last, attempts);
}

async function bounded<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | "overran" | "cancelled"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const stop = new Promise<"overran" | "cancelled">((resolve) => {
    timer = setTimeout(() => resolve("overran"), ms);
    onAbort = () => resolve("cancelled");
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
