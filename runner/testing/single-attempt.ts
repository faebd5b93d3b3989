/**
 * Turns a polling check request into a single attempt. Kinds that poll (kubernetes today; any kind whose
 * request carries `intervalMs`) retry until their timeout, which is what a learner wants and exactly what
 * makes "this check must fail before solving" slow: a failing check always waits out its full timeout.
 * Setting the interval to the whole (shortened) timeout leaves room for exactly one attempt: the engine
 * reads once, then its pause reaches the deadline and it reports that read. The budget equals the engine's
 * own per-read deadline (labs/grading/kubernetes DEFAULT_REQUEST_TIMEOUT_MS), so the one read gets the same
 * time any read gets in a normal run. Script checks never poll and pass through unchanged.
 */
import type { CheckRequest } from "../checks/request";

export const SINGLE_ATTEMPT_BUDGET_MS = 5_000;

export function singleAttempt(request: CheckRequest): CheckRequest {
  if (!("intervalMs" in request) || typeof request.intervalMs !== "number") return request;
  const budget = Math.min(request.timeoutMs ?? SINGLE_ATTEMPT_BUDGET_MS, SINGLE_ATTEMPT_BUDGET_MS);
  return { ...request, timeoutMs: budget, intervalMs: budget };
}
