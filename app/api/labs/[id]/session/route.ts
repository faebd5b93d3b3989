/**
 * `/api/labs/:id/session` — the learner's environment for one lab. GET finds the live one (so a reload
 * resumes it), POST starts one (or returns the live one; waits until it is ready), DELETE stops it.
 */
import { currentSession, startSession, stopSession } from "../../../../_server/lab-sessions";
import { withLearner } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Params) {
  const { id } = await params;
  return withLearner(async (deps, learner) => ({ session: await currentSession(deps, learner, id) }));
}

export async function POST(_req: Request, { params }: Params) {
  const { id } = await params;
  return withLearner(async (deps, learner) => ({ session: await startSession(deps, learner, id) }), 201);
}

export async function DELETE(_req: Request, { params }: Params) {
  const { id } = await params;
  return withLearner(async (deps, learner) => {
    await stopSession(deps, learner, id);
    return { session: null };
  });
}
