/**
 * `POST /api/sessions/:id/extend` — gives the learner's own session more time (30 minutes, capped by
 * the runner at the session's maximum lifetime; 409 once it is there). Answers with the session.
 */
import { extendSession } from "../../../../_server/lab-sessions";
import { withLearner } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withLearner(async (deps, learner) => ({ session: await extendSession(deps, learner, id) }));
}
