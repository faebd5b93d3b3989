/** Test helper: a ProgressView for a lab's steps, each field overridable per step. Not shipped to the browser. */
import type { ProgressView, StepProgressView } from "./progress-types";

export function progressOf(steps: Array<Partial<StepProgressView> & { stepId: string }>, extra: Partial<ProgressView> = {}): ProgressView {
  return {
    sessionId: "s1",
    labId: "lab",
    currentStepId: steps.find((s) => s.status === "active")?.stepId ?? null,
    finished: false,
    score: { earned: 0, max: 3 },
    steps: steps.map((s) => ({ status: "locked", attempts: 0, hintsUsed: 0, hintsTotal: 2, solutionRevealed: false, startedAt: null, passedAt: null, lastCheck: null, ...s })),
    ...extra,
  };
}
