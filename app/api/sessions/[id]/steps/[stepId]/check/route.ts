/**
 * `POST /api/sessions/:id/steps/:stepId/check` — runs the step's checks in the learner's own environment
 * (running the step's setup first if it was never opened), records every result, counts an attempt, and
 * marks the step passed when all checks pass. Answers `{stepId, passed, checks: [{name, passed, message,
 * weight}], progress}`. 404 for anyone else's session or an unknown step, 409 for a locked step.
 */
import { checkAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: StepParams) {
  return runStepAction(ctx, checkAction);
}
