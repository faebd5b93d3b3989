/**
 * Terminal routes. `POST /sessions/:id/tickets` {host, terminalId?, readOnly?} mints the single-use ticket a
 * browser needs to open a terminal WebSocket (read-only for an instructor's shadow view); the caller (the web
 * app, bearer token) has already checked that its user owns the session, so minting is the runner trusting
 * that check. `DELETE /sessions/:id/hosts/:host/terminals/:terminalId` ends one terminal's shell for good: a
 * tmux session outlives its WebSocket by design, so a closed tab would otherwise keep a shell (and whatever it
 * runs) until the environment ends.
 */
import { z } from "zod";
import type { ContainerRuntime } from "../docker/runtime";
import type { TicketAuthority } from "../terminal/tickets";
import { closeCommand, isValidTerminalId } from "../terminal/tmux";
import { HttpError } from "./errors";
import { parseBody, readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { Router } from "./router";
import type { SessionService } from "./session-service";

const TicketBody = z.strictObject({ host: z.string().min(1), terminalId: z.string().default("main"), readOnly: z.boolean().default(false) });

export interface TerminalRoutesDeps {
  sessions: SessionService;
  tickets: TicketAuthority;
  runtime: ContainerRuntime;
}

function requireTerminalId(terminalId: string): void {
  if (!isValidTerminalId(terminalId)) throw new HttpError(400, "bad_request", `terminalId must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}`);
}

export function addTerminalRoutes(router: Router, deps: TerminalRoutesDeps): void {
  const { sessions, tickets } = deps;

  router.add("POST", "/sessions/:id/tickets", async ({ req, res, params }) => {
    const { host, terminalId, readOnly } = parseBody(TicketBody, await readJson(req, 16 * 1024));
    requireTerminalId(terminalId);
    requireHostContainer(sessions, params.id!, host);
    // Someone watching (a shadow view) is not the learner being active.
    if (!readOnly) sessions.touch(params.id!);
    const { ticket, expiresAt } = tickets.mint({ sessionId: params.id!, host, terminalId, ...(readOnly ? { readOnly } : {}) });
    sendJson(res, 201, { ticket, expiresAt: new Date(expiresAt).toISOString(), path: `/terminal?ticket=${encodeURIComponent(ticket)}` });
  });

  router.add("DELETE", "/sessions/:id/hosts/:host/terminals/:terminalId", async ({ res, params }) => {
    const terminalId = params.terminalId!;
    requireTerminalId(terminalId);
    const containerId = requireHostContainer(sessions, params.id!, params.host!);
    sessions.touch(params.id!);
    const run = await deps.runtime.exec(containerId, { cmd: closeCommand(terminalId), timeoutMs: 10_000 });
    if (run.exitCode !== 0) throw new HttpError(500, "failed", `closing terminal ${terminalId} on ${params.host} failed (exit ${run.exitCode}): ${run.stderr.trim()}`);
    res.writeHead(204).end();
  });
}
