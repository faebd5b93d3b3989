/**
 * `POST /api/sessions/:id/steps/:stepId/skip` — runs the step's `solve` script on its host, then its checks
 * (recorded, not counted as an attempt); when they pass the step becomes "skipped" (it earns no points) and
 * the next one opens. Answers like /check. 409 when the step has no solve script or is already done; 502
 * when the solve script fails (with its output).
 */
import { skipAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, ctx: StepParams) {
  return runStepAction(ctx, skipAction);
}
