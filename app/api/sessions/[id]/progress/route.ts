/**
 * `GET /api/sessions/:id/progress` — the learner's progress through their own session (ProgressView:
 * each step's status, attempts, hints, times and last check; the weighted score). 404 for anyone else's.
 */
import { withLearner } from "../../../../_server/lab-request";
import { getProgress } from "../../../../_server/player/step-actions";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withLearner((deps, learner) => getProgress(deps, learner, id));
}
