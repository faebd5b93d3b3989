/**
 * The runner's HTTP + WebSocket server (node:http and ws, no framework), wired from its dependencies:
 * bearer-token auth on every route except /healthz, JSON routes for sessions, tickets and files,
 * Prometheus /metrics, and the terminal WebSocket at /terminal (authenticated by ticket + Origin
 * instead, because browsers cannot send bearer tokens on a WebSocket). Errors are mapped to statuses
 * in exactly one place (errors.ts) and every request is logged as one JSON line.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ContainerRuntime } from "../docker";
import { HostFiles } from "../files/host-files";
import { TerminalGateway } from "../terminal/gateway";
import { originChecker } from "../terminal/origin";
import type { TicketAuthority } from "../terminal/tickets";
import { HttpError, toHttpError } from "./errors";
import { findHostContainer } from "./hosts";
import { bearerChecker, sendJson, sendText } from "./http-io";
import type { Logger } from "./logger";
import { ClusterChecks } from "../checks/cluster-check";
import { addCheckRoutes } from "./routes-checks";
import { addEventRoutes } from "./routes-events";
import { addFileRoutes } from "./routes-files";
import { addScriptRoutes } from "./routes-scripts";
import { addServiceRoutes } from "./routes-services";
import { handleServiceUpgrade } from "./service-upgrade";
import { addPoolRoutes, type PoolControl } from "./routes-pool";
import { addSessionRoutes } from "./routes-sessions";
import { addTerminalRoutes } from "./routes-terminals";
import { Router } from "./router";
import { createRunnerMetrics, type RunnerMetrics } from "./runner-metrics";
import type { SessionService } from "./session-service";

export interface RunnerApiDeps {
  runtime: ContainerRuntime;
  sessions: SessionService;
  tickets: TicketAuthority;
  /** Shared secret of server-to-server callers (the web app, the CLI). */
  apiToken: string;
  /** Origins allowed to open terminal WebSockets (the web app's public origin). */
  allowedOrigins: readonly string[];
  logger: Logger;
  metrics?: RunnerMetrics;
  keepaliveMs?: number;
  /** Capacity and runtime warm-pool targets (GET /capacity, /pool/targets); absent: those routes are 404. */
  pool?: PoolControl;
}

export interface RunnerApi {
  server: Server;
  metrics: RunnerMetrics;
  /** Closes terminals, then the server. */
  close(): Promise<void>;
}

export function createRunnerApi(deps: RunnerApiDeps): RunnerApi {
  const { sessions, logger } = deps;
  const metrics = deps.metrics ?? createRunnerMetrics(() => sessions.list().map((s) => s.state));
  const authorized = bearerChecker(deps.apiToken);
  const gateway = new TerminalGateway({
    runtime: deps.runtime,
    tickets: deps.tickets,
    isAllowedOrigin: originChecker(deps.allowedOrigins),
    resolveContainer: async (sessionId, host) => {
      const id = findHostContainer(sessions, sessionId, host);
      if (id !== null) sessions.touch(sessionId);
      return id;
    },
    logger,
    metrics: metrics.terminal,
    keepaliveMs: deps.keepaliveMs,
    // Typing is what "not idle" means: every keystroke postpones the idle timeout.
    onInput: (sessionId) => {
      try {
        sessions.touch(sessionId);
      } catch {
        // The session ended meanwhile; its terminal closes on its own.
      }
    },
  });

  const router = new Router();
  addSessionRoutes(router, { sessions, provisionSeconds: metrics.provisionSeconds, logger });
  addTerminalRoutes(router, { sessions, tickets: deps.tickets, runtime: deps.runtime });
  addEventRoutes(router, { sessions });
  addCheckRoutes(router, { sessions, runtime: deps.runtime, clusterChecks: new ClusterChecks(deps.runtime), checkSeconds: metrics.checkSeconds });
  addFileRoutes(router, { sessions, files: new HostFiles(deps.runtime) });
  addScriptRoutes(router, { sessions, runtime: deps.runtime });
  addServiceRoutes(router, { sessions, runtime: deps.runtime });
  if (deps.pool) addPoolRoutes(router, deps.pool);
  router.add("GET", "/metrics", async ({ res }) => sendText(res, 200, metrics.registry.render(), "text/plain; version=0.0.4; charset=utf-8"));

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === "/healthz" && req.method === "GET") {
      await deps.runtime.ping();
      return sendJson(res, 200, { status: "ok" });
    }
    // Authenticate before routing so an anonymous caller cannot map which routes exist.
    if (!authorized(req)) throw new HttpError(401, "unauthorized", "a valid bearer token is required");
    const { handler, params } = router.match(req.method ?? "GET", url.pathname);
    await handler({ req, res, params, url });
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://runner.invalid");
    handle(req, res, url)
      .catch((err: unknown) => {
        const http = toHttpError(err);
        if (http.status >= 500) logger.error("http.error", { requestId, error: err });
        if (!res.headersSent) sendJson(res, http.status, { error: { code: http.code, message: http.message, ...(http.details ? { details: http.details } : {}) } });
        else res.destroy();
      })
      .finally(() => {
        logger.info("http.request", { requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round(performance.now() - started) });
      });
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://runner.invalid");
    if (url.pathname !== "/terminal") {
      if (handleServiceUpgrade({ sessions, runtime: deps.runtime, authorized, logger }, req, socket, head, url)) return;
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    gateway.handleUpgrade(req, socket, head);
  });

  return {
    server,
    metrics,
    async close() {
      await gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
