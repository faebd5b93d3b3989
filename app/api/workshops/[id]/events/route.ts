/**
 * `GET /api/workshops/:id/events` — the live dashboard: Server-Sent Events with a `dashboard` event
 * (learners × steps, see dashboard-view.ts) on connect and whenever anything changes. The server looks
 * every 500 ms (the page never polls), which keeps a learner's progress on screen within a second. While
 * it runs it also keeps the runner's pool targets right when a scheduled workshop starts on its own.
 */
import { loadDashboard } from "../../../../_server/workshops/dashboard-load";
import { changeStream, SSE_HEADERS } from "../../../../_server/workshops/change-stream";
import { syncPool } from "../../../../_server/workshops/actions";
import { getWorkshop } from "../../../../_server/workshops/store";
import { openStreamDeps, withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

const INTERVAL_MS = 500;

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withInstructor(req, async (requestDeps, instructor) => {
    await getWorkshop(requestDeps.prisma, instructor, id); // 404 before a stream opens
    const opened = await openStreamDeps();
    // Loading a lab parses it from disk; once per stream is plenty at two ticks a second.
    const labs = new Map<string, ReturnType<typeof opened.deps.loadLab>>();
    const streamDeps = { ...opened.deps, loadLab: (labId: string) => labs.get(labId) ?? labs.set(labId, opened.deps.loadLab(labId)).get(labId)! };
    let phase: string | null = null;
    const stream = changeStream({
      event: "dashboard",
      intervalMs: INTERVAL_MS,
      signal: req.signal,
      load: async () => {
        const now = new Date();
        const view = await loadDashboard(streamDeps, await getWorkshop(opened.deps.prisma, instructor, id), now);
        // The start (or the end) changes what the pool should hold; tell the runner once per change.
        if (view.workshop.phase !== phase) {
          if (phase !== null) await syncPool(opened.deps.prisma, opened.deps.runner, now).catch(() => undefined);
          phase = view.workshop.phase;
        }
        return view;
      },
      onClose: () => opened.close(),
    });
    return new Response(stream, { headers: SSE_HEADERS });
  });
}
