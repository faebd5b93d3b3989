/**
 * `POST /api/sessions/:id/steps/:stepId/solution` — reveals the step's solution page (recorded; showing it
 * again is harmless) and answers `{html, progress}`. 404 when the step has no solution page.
 */
import { solutionAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: StepParams) {
  return runStepAction(ctx, solutionAction);
}
