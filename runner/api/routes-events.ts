/**
 * `GET /sessions/:id/events`: a session's provisioning progress as Server-Sent Events, for the web's
 * step list. It sends the step names (`steps`), replays the current run's history, then streams live
 * `progress` and `state` events, and ends once the session is no longer provisioning (ready, warm,
 * failed, stopped), so a caller can simply read to the end. An unknown session is a plain 404.
 */
import { provisionSteps } from "../provision/provision";
import type { SessionEvent } from "../sessions/events";
import type { Router } from "./router";
import { sessionView, type SessionService } from "./session-service";
import { openSse, type SseStream } from "./sse";

function send(stream: SseStream, e: SessionEvent): boolean {
  if (e.kind === "progress") {
    stream.send("progress", { ...e.progress, at: e.at });
    return false;
  }
  stream.send("state", sessionView(e.session));
  return e.session.state !== "provisioning";
}

export function addEventRoutes(router: Router, deps: { sessions: SessionService; heartbeatMs?: number }): void {
  const { sessions } = deps;
  router.add("GET", "/sessions/:id/events", async ({ req, res, params }) => {
    const id = params.id!;
    const session = sessions.get(id); // 404 before any stream is opened
    const stream = openSse(req, res, deps.heartbeatMs);
    stream.send("steps", { steps: provisionSteps(session.cluster !== undefined).map((s) => s.name) });
    let finished = false;
    const { history, unsubscribe } = sessions.events.subscribe(id, (e) => {
      if (!finished && send(stream, e)) finish();
    });
    const finish = () => {
      finished = true;
      unsubscribe();
      stream.end();
    };
    stream.onClose(unsubscribe);
    let settled = false;
    for (const e of history) settled = send(stream, e);
    const now = sessions.get(id);
    if (now.state !== "provisioning") {
      // The history may predate the feed (an adopted session); the current state always closes the stream.
      if (!settled) stream.send("state", sessionView(now));
      finish();
    }
  });
}
