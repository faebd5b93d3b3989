/**
 * `/api/labs/:id/session` — the learner's environment for one lab. GET finds the live one (so a reload
 * resumes it) and, with `?history=1`, how far their last ended one got; POST starts one (or returns the
 * live one; waits until it is ready), DELETE stops it.
 */
import { currentSession, lastAttempt, startSession, stopSession } from "../../../../_server/lab-sessions";
import { withLearner } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  const { id } = await params;
  const history = new URL(req.url).searchParams.get("history") === "1";
  return withLearner(async (deps, learner) => ({
    session: await currentSession(deps, learner, id),
    ...(history && { lastAttempt: await lastAttempt(deps, learner, id) }),
  }));
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
