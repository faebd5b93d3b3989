/**
 * Session routes: create (answers at once: 201 with a ready session when a warm-pool member was
 * claimed, else 202 with the session provisioning; follow GET /sessions/:id/events), read, list, stop,
 * extend, reset (202, re-provisioning) and mint terminal tickets (read-only ones for a shadow view). The caller is the web app (server-side,
 * bearer token); it has already checked that its user owns the session, so minting a ticket is the
 * runner trusting that check.
 */
import { z } from "zod";
import type { Histogram } from "./metrics";
import type { Logger } from "./logger";
import { HttpError } from "./errors";
import { readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { Router } from "./router";
import { decodeCreateSessionRequest } from "./session-body";
import { sessionView, type SessionService } from "./session-service";
import type { TicketAuthority } from "../terminal/tickets";
import { isValidTerminalId } from "../terminal/tmux";

const MAX_SPEC_BYTES = 8 * 1024 * 1024;
const MAX_SMALL_BODY = 16 * 1024;
const MAX_EXTEND_MS = 24 * 60 * 60_000;

const ExtendBody = z.strictObject({ byMs: z.number().int().positive().max(MAX_EXTEND_MS) });
const TicketBody = z.strictObject({ host: z.string().min(1), terminalId: z.string().default("main"), readOnly: z.boolean().default(false) });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new HttpError(400, "bad_request", r.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "));
  return r.data;
}

export interface SessionRoutesDeps {
  sessions: SessionService;
  tickets: TicketAuthority;
  provisionSeconds: Histogram;
  logger: Logger;
}

export function addSessionRoutes(router: Router, deps: SessionRoutesDeps): void {
  const { sessions, tickets, logger } = deps;

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
    const { byMs } = parse(ExtendBody, await readJson(req, MAX_SMALL_BODY));
    sendJson(res, 200, sessionView(await sessions.extend(params.id!, byMs)));
  });

  router.add("POST", "/sessions/:id/reset", async ({ res, params }) => {
    const { session } = await sessions.reset(params.id!);
    logger.info("session.reset", { sessionId: session.id });
    sendJson(res, 202, sessionView(session));
  });

  router.add("POST", "/sessions/:id/tickets", async ({ req, res, params }) => {
    const { host, terminalId, readOnly } = parse(TicketBody, await readJson(req, MAX_SMALL_BODY));
    if (!isValidTerminalId(terminalId)) throw new HttpError(400, "bad_request", `terminalId must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}`);
    requireHostContainer(sessions, params.id!, host);
    // Someone watching (a shadow view) is not the learner being active.
    if (!readOnly) sessions.touch(params.id!);
    const { ticket, expiresAt } = tickets.mint({ sessionId: params.id!, host, terminalId, ...(readOnly ? { readOnly } : {}) });
    sendJson(res, 201, { ticket, expiresAt: new Date(expiresAt).toISOString(), path: `/terminal?ticket=${encodeURIComponent(ticket)}` });
  });
}
