/**
 * `POST /api/sessions/:id/reset` — throws the learner's environment away and provisions it again (same
 * session and time limit). Answers 202 with the session provisioning; follow /events until ready.
 */
import { resetSession } from "../../../../_server/lab-sessions";
import { withLearner } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withLearner(async (deps, learner) => ({ session: await resetSession(deps, learner, id) }), 202);
}
