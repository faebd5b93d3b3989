/**
 * What the lab's page says about the learner's last ended attempt, and what its start button is called: a
 * finished lab starts again, an unfinished one continues (the new environment replays the finished steps).
 */
import type { LastAttemptView } from "../lab-session/session-api";

export function lastAttemptText(last: LastAttemptView): string {
  const when = new Date(last.endedAt).toLocaleDateString(undefined, { day: "numeric", month: "short" });
  if (last.stepsDone === last.stepsTotal) return `You finished this lab on ${when}: all ${last.stepsTotal} steps done.`;
  if (last.stepsDone === 0) return `You started this lab on ${when}; no step is done yet.`;
  return `Last time (${when}) you did ${last.stepsDone} of ${last.stepsTotal} steps. A new environment picks up there: Praxis redoes the finished steps in it for you.`;
}

export function startLabel(last: LastAttemptView | null): string {
  if (!last || last.stepsDone === 0) return "Start lab";
  return last.stepsDone === last.stepsTotal ? "Start again" : "Continue the lab";
}
