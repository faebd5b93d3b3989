/**
 * Session routes: create (answers at once: 201 with a ready session when a warm-pool member was
 * claimed, else 202 with the session provisioning; follow GET /sessions/:id/events), read, list, stop,
 * extend and reset (202, re-provisioning). Terminal tickets are in routes-terminals.ts.
 */
import { z } from "zod";
import type { Histogram } from "./metrics";
import type { Logger } from "./logger";
import { HttpError } from "./errors";
import { parseBody, readJson, sendJson } from "./http-io";
import type { Router } from "./router";
import { decodeCreateSessionRequest } from "./session-body";
import { sessionView, type SessionService } from "./session-service";

const MAX_SPEC_BYTES = 8 * 1024 * 1024;
const MAX_SMALL_BODY = 16 * 1024;
const MAX_EXTEND_MS = 24 * 60 * 60_000;

const ExtendBody = z.strictObject({ byMs: z.number().int().positive().max(MAX_EXTEND_MS) });

export interface SessionRoutesDeps {
  sessions: SessionService;
  provisionSeconds: Histogram;
  logger: Logger;
}

export function addSessionRoutes(router: Router, deps: SessionRoutesDeps): void {
  const { sessions, logger } = deps;

  router.add("POST", "/sessions", async ({ req, res }) => {
    const { spec, timeLimitMs } = decodeCreateSessionRequest(await readJson(req, MAX_SPEC_BYTES));
    const started = performance.now();
    const { session, ready, claimed } = await sessions.start(spec, timeLimitMs ? { timeLimitMs } : {});
    const observe = (outcome: string) => deps.provisionSeconds.observe((performance.now() - started) / 1000, { outcome });
    if (claimed) observe("claimed");
    else ready.then(() => observe("ready"), () => observe("failed"));
    logger.info("session.created", { sessionId: session.id, labId: session.labId, claimed });
    sendJson(res, session.state === "ready" ? 201 : 202, sessionView(session));
  });

  router.add("GET", "/sessions", async ({ res }) => sendJson(res, 200, { sessions: sessions.list().map(sessionView) }));

  router.add("GET", "/sessions/:id", async ({ res, params }) => sendJson(res, 200, sessionView(sessions.get(params.id!))));

  router.add("DELETE", "/sessions/:id", async ({ res, params }) => {
    const session = await sessions.stop(params.id!);
    logger.info("session.stopped", { sessionId: session.id });
    sendJson(res, 200, sessionView(session));
  });

  router.add("POST", "/sessions/:id/extend", async ({ req, res, params }) => {
    const { byMs } = parseBody(ExtendBody, await readJson(req, MAX_SMALL_BODY));
    sendJson(res, 200, sessionView(await sessions.extend(params.id!, byMs)));
  });

  router.add("POST", "/sessions/:id/reset", async ({ res, params }) => {
    const { session } = await sessions.reset(params.id!);
    logger.info("session.reset", { sessionId: session.id });
    sendJson(res, 202, sessionView(session));
  });
}
