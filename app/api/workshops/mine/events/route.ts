/**
 * `GET /api/workshops/mine/events` — for the player: Server-Sent Events with a `workshop` event (title,
 * phase, end, the instructor's broadcast messages) whenever it changes, closing once the workshop has
 * ended. A learner in no workshop gets 204, which tells EventSource not to reconnect.
 */
import { changeStream, SSE_HEADERS } from "../../../../_server/workshops/change-stream";
import { learnerWorkshopView } from "../../../../_server/workshops/learner-stream";
import { openStreamDeps, withWorkshopLearner } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return withWorkshopLearner(async (deps, learnerId) => {
    if (!(await learnerWorkshopView(deps.prisma, learnerId, new Date()))) return new Response(null, { status: 204 });
    const opened = await openStreamDeps();
    const stream = changeStream({
      event: "workshop",
      intervalMs: 1_000,
      signal: req.signal,
      load: () => learnerWorkshopView(opened.deps.prisma, learnerId, new Date()),
      isDone: (view) => view === null || view.phase === "ended",
      onClose: () => opened.close(),
    });
    return new Response(stream, { headers: SSE_HEADERS });
  });
}
