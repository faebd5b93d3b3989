/**
 * The player API contract's shapes, as the browser receives them (see /api/sessions/:id/progress and the step
 * action routes). Kept free of React and fetch so pure helpers and tests can use them.
 */

export type StepStatus = "locked" | "active" | "passed" | "skipped";

export interface CheckResultView {
  name: string;
  passed: boolean;
  message: string;
  weight: number;
}

export interface LastCheckView {
  passed: boolean;
  at: string;
  checks: CheckResultView[];
}

export interface StepProgressView {
  stepId: string;
  status: StepStatus;
  attempts: number;
  hintsUsed: number;
  hintsTotal: number;
  solutionRevealed: boolean;
  startedAt: string | null;
  passedAt: string | null;
  lastCheck: LastCheckView | null;
}

export interface ProgressView {
  sessionId: string;
  labId: string;
  currentStepId: string | null;
  finished: boolean;
  steps: StepProgressView[];
  score: { earned: number; max: number };
}

/** What POST …/check and …/skip answer. */
export interface StepCheckResponse {
  stepId: string;
  passed: boolean;
  checks: CheckResultView[];
  progress: ProgressView;
}

export interface MeView {
  id: string;
  displayName: string | null;
  resumeUrl: string;
}
