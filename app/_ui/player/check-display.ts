/**
 * Which check result a step shows. The learner's own Check (or Skip) answers at once; the recorded last check
 * (also refreshed by the background auto-check) arrives through the progress stream. The newer one wins, so a
 * result never goes back in time; before the learner's first attempt nothing is shown, because a list of
 * failures for work not yet started reads as a scolding rather than help.
 */
import type { LastCheckView, StepProgressView } from "./progress-types";

export function visibleCheck(step: StepProgressView | undefined, local: LastCheckView | null): LastCheckView | null {
  const recorded = step?.lastCheck ?? null;
  const passedStep = step?.status === "passed" || step?.status === "skipped";
  const shownRecorded = recorded && ((step?.attempts ?? 0) > 0 || passedStep) ? recorded : null;
  if (!local) return shownRecorded;
  if (!shownRecorded) return local;
  return Date.parse(shownRecorded.at) > Date.parse(local.at) ? shownRecorded : local;
}

export interface ScoreLine {
  earned: number;
  max: number;
  percent: number;
}

export function scoreLine(score: { earned: number; max: number }): ScoreLine {
  const percent = score.max > 0 ? Math.round((score.earned / score.max) * 100) : 0;
  return { earned: score.earned, max: score.max, percent };
}
