/**
 * The player API contract's shapes, as the browser receives them (see /api/sessions/:id/progress and the step
 * action routes). Kept free of React and fetch so pure helpers and tests can use them.
 */

// The server defines these shapes (app/_server/player/progress-model.ts); a type-only import keeps the
// contract in one place without pulling server code into the browser bundle.
import type { CheckResultView, LastCheckView, ProgressView, StepProgressView, StepStatus } from "../../_server/player/progress-model";

export type { CheckResultView, LastCheckView, ProgressView, StepProgressView, StepStatus };

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
