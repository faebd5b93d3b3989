/**
 * `GET /api/sessions/:id/events` — the provisioning progress of the learner's own session as
 * Server-Sent Events (steps, progress, state), passed through from the runner; the stream ends once the
 * environment is ready or has failed. `no-transform` keeps compression from buffering the stream.
 */
import { sessionEvents } from "../../../../_server/lab-sessions";
import { withLearnerResponse } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withLearnerResponse(async (deps, learner) => {
    const stream = await sessionEvents(deps, learner, id, req.signal);
    return new Response(stream, {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
    });
  });
}
