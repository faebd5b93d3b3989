/**
 * `GET /api/sessions/:id/progress/events` — Server-Sent Events: a `progress` event with the ProgressView on
 * connect and whenever it changes. While a stream is open the current step's checks re-run in the
 * background (player/progress-hub.ts), so a step turns green without the learner pressing Check.
 * `no-transform` keeps compression from buffering the stream. 404 for anyone else's session.
 */
import { withLearnerResponse } from "../../../../../_server/lab-request";
import { progressHub } from "../../../../../_server/player/hub-instance";
import { progressStream } from "../../../../../_server/player/progress-stream";
import { getProgress } from "../../../../../_server/player/step-actions";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withLearnerResponse(async (deps, learner) => {
    const initial = await getProgress(deps, learner, id);
    return new Response(progressStream(progressHub(), initial, req.signal), {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
    });
  });
}
