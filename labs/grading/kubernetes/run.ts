/**
 * runKubernetesCheck: grades one kubernetes check by polling the cluster until the assertion holds or the
 * check's timeout passes, so eventually-consistent state (a rollout in progress, a pod still starting)
 * passes without the learner having to click again. On timeout the learner sees the last failure. Never
 * hangs: every API call has its own deadline, capped by the time the check has left.
 */
import type { KubernetesCheck } from "../../format/types";
import { compileAssertion, type Attempt } from "./attempt";
import { withDeadline, sleep } from "./deadline";
import { queryText, refText } from "./describe";
import { ExpressionError } from "./expression/parser";
import { readerContext } from "./forms/outcome";
import type { ClusterReader } from "./reader";
import { capMessage } from "./values";

/** Learner-facing messages are one line or a few; longer ones are cut. */
export const KUBERNETES_MESSAGE_CAP = 1000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;

export interface KubernetesCheckResult {
  passed: boolean;
  /** Why it failed ("" when it passed): which object, which field, expected and actual values. */
  message: string;
  durationMs: number;
  /** How many times the cluster was read. */
  attempts: number;
}

export interface KubernetesCheckOptions {
  /** Deadline of each API call (default 5s); never longer than what is left of the check's timeout. */
  requestTimeoutMs?: number;
  /** Cancels the check (for example when the session ends); the result then says so. */
  signal?: AbortSignal;
}

export type KubernetesCheckSpec = Pick<KubernetesCheck, "assertion" | "timeoutMs" | "intervalMs">;

export async function runKubernetesCheck(
  reader: ClusterReader,
  check: KubernetesCheckSpec,
  options: KubernetesCheckOptions = {},
): Promise<KubernetesCheckResult> {
  const now = Date.now;
  const start = now();
  const finish = (passed: boolean, message: string, attempts: number): KubernetesCheckResult => ({
    passed,
    message: capMessage(message, KUBERNETES_MESSAGE_CAP),
    durationMs: Math.max(0, now() - start),
    attempts,
  });

  let attempt: Attempt;
  try {
    attempt = compileAssertion(check.assertion);
  } catch (error) {
    if (error instanceof ExpressionError) return finish(false, `the check's expression is invalid: ${error.message}`, 0);
    throw error;
  }

  const end = start + check.timeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const signal = options.signal;
  let attempts = 0;
  let last = "";
  for (;;) {
    attempts++;
    const budget = Math.max(1, Math.min(requestTimeout, end - now()));
    const ctx = readerContext(reader, (target, call) => withDeadline(budget, target, call, signal), { ref: refText, query: queryText });
    const outcome = await attempt(ctx);
    if (outcome.passed) return finish(true, "", attempts);
    // A last read cut short by the check's own end says less than the failure before it, so keep that one.
    const cutShort = outcome.timedOut && budget < requestTimeout && last !== "";
    if (!cutShort) last = outcome.message;
    if (signal?.aborted) return finish(false, "the check was cancelled", attempts);
    if (outcome.permanent || now() >= end) break;
    await sleep(Math.min(check.intervalMs, end - now()), signal);
    if (signal?.aborted) return finish(false, "the check was cancelled", attempts);
    if (now() >= end) break;
  }
  return finish(false, last, attempts);
}
