/**
 * The finish page's numbers, computed from the recorded progress: steps passed and skipped, attempts, hints and
 * solutions used, the score, and the time from the first step's start to the last step's completion.
 */
import type { ProgressView } from "./progress-types";

export interface LabSummary {
  passed: number;
  skipped: number;
  total: number;
  attempts: number;
  hintsUsed: number;
  solutionsRevealed: number;
  score: { earned: number; max: number };
  /** null until at least one step has been started and one finished. */
  durationMs: number | null;
}

export function summarise(progress: ProgressView): LabSummary {
  const steps = progress.steps;
  const starts = steps.flatMap((s) => (s.startedAt ? [Date.parse(s.startedAt)] : []));
  const ends = steps.flatMap((s) => (s.passedAt ? [Date.parse(s.passedAt)] : []));
  const durationMs = starts.length && ends.length ? Math.max(0, Math.max(...ends) - Math.min(...starts)) : null;
  return {
    passed: steps.filter((s) => s.status === "passed").length,
    skipped: steps.filter((s) => s.status === "skipped").length,
    total: steps.length,
    attempts: steps.reduce((n, s) => n + s.attempts, 0),
    hintsUsed: steps.reduce((n, s) => n + s.hintsUsed, 0),
    solutionsRevealed: steps.filter((s) => s.solutionRevealed).length,
    score: progress.score,
    durationMs,
  };
}

/** "1 h 05 min", "12 min", "45 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min` : `${minutes} min`;
}
