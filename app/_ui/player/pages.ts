/**
 * Pure navigation of the player: the pages a learner moves through (intro, one per step, finish), which of
 * them may be opened given the recorded progress, where to land on load, and what comes next. A step can be
 * opened once it is unlocked (passed, skipped, or the active one), like the server enforces; the finish page
 * once every step is done. No React, so the rules are tested directly.
 */
import type { ProgressView, StepProgressView } from "./progress-types";

export type PageId = "intro" | "finish" | `step:${string}`;

export const stepPage = (stepId: string): PageId => `step:${stepId}`;
export const stepOf = (page: PageId): string | null => (page.startsWith("step:") ? page.slice(5) : null);

interface LabPages {
  introHtml: string | null;
  steps: readonly { id: string }[];
}

export function pageList(lab: LabPages): PageId[] {
  return [...(lab.introHtml ? (["intro"] as PageId[]) : []), ...lab.steps.map((s) => stepPage(s.id)), "finish"];
}

export const stepProgress = (progress: ProgressView | null, stepId: string): StepProgressView | undefined => progress?.steps.find((s) => s.stepId === stepId);

const done = (s: StepProgressView | undefined) => s?.status === "passed" || s?.status === "skipped";

export function allStepsDone(lab: LabPages, progress: ProgressView | null): boolean {
  return progress !== null && (progress.finished || lab.steps.every((s) => done(stepProgress(progress, s.id))));
}

export function canOpen(page: PageId, lab: LabPages, progress: ProgressView | null): boolean {
  if (page === "intro") return lab.introHtml !== null;
  if (page === "finish") return allStepsDone(lab, progress);
  const id = stepOf(page)!;
  if (!lab.steps.some((s) => s.id === id)) return false;
  const status = stepProgress(progress, id)?.status;
  return status !== undefined && status !== "locked";
}

/** Nothing tried yet: no step done, no attempt, no hint. */
function untouched(progress: ProgressView): boolean {
  return progress.steps.every((s) => !done(s) && s.attempts === 0 && s.hintsUsed === 0 && !s.solutionRevealed);
}

/** Where the player opens: the page the learner was on (if still allowed), else finish, intro or the current step. */
export function initialPage(lab: LabPages, progress: ProgressView, remembered: PageId | null): PageId {
  if (remembered && pageList(lab).includes(remembered) && canOpen(remembered, lab, progress)) return remembered;
  if (allStepsDone(lab, progress)) return "finish";
  if (lab.introHtml && untouched(progress)) return "intro";
  const current = progress.currentStepId ?? progress.steps.find((s) => s.status === "active")?.stepId ?? lab.steps[0]?.id;
  return current ? stepPage(current) : "finish";
}

export function neighbour(page: PageId, lab: LabPages, offset: 1 | -1): PageId | null {
  const pages = pageList(lab);
  const at = pages.indexOf(page);
  return at < 0 ? null : (pages[at + offset] ?? null);
}

/** The step after this one, to activate once it is done; null after the last step. */
export function nextStepId(lab: LabPages, stepId: string): string | null {
  const at = lab.steps.findIndex((s) => s.id === stepId);
  return at < 0 ? null : (lab.steps[at + 1]?.id ?? null);
}
