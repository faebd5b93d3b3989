/**
 * `POST /api/sessions/:id/steps/:stepId/start` — the learner opens this step: a done step or the next open
 * one (409 for a locked step). The first time a step is opened its `setup` scripts run (the first step's
 * ran with provisioning); a failing setup answers 502 with the script's output and can be retried.
 * Answers `{progress}`.
 */
import { startAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: StepParams) {
  return runStepAction(ctx, startAction);
}
