/**
 * `POST /api/sessions/:id/steps/:stepId/check` — runs the step's checks in the learner's own running
 * environment and answers `{stepId, passed, checks: [{name, passed, message}]}`. 404 for anyone
 * else's session or an unknown step.
 */
import { checkStep } from "../../../../../../_server/step-checks";
import { withLearner } from "../../../../../../_server/lab-request";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, { params }: { params: Promise<{ id: string; stepId: string }> }) {
  const { id, stepId } = await params;
  return withLearner(async (deps, learner) => checkStep(deps, learner, id, stepId));
}
