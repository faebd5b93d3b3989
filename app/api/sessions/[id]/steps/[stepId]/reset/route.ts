/**
 * `POST /api/sessions/:id/steps/:stepId/reset` — runs the step's `setup` scripts again in the learner's
 * environment (progress is kept). Answers `{progress}`; 502 with the output when a script fails.
 */
import { resetAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: StepParams) {
  return runStepAction(ctx, resetAction);
}
