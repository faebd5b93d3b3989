/**
 * The terminal WebSocket endpoint: authenticates an HTTP upgrade (Origin allow-list, then a single-use
 * ticket), finds the host container, attaches a TTY exec to the terminal's tmux session and only then
 * completes the upgrade, so every failure is a plain HTTP status (403 origin, 401 ticket, 404 session or
 * host gone, 503 engine down) and nothing else reaches an unauthenticated caller. Once open, the socket
 * is handed to the bridge with a heartbeat; closing the gateway closes every terminal it opened.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { isRuntimeError, type ContainerRuntime, type TtyExec } from "../docker";
import type { Logger } from "../api/logger";
import { bridgeTerminal, type BridgeEnd } from "./bridge";
import type { FlowControlLimits } from "./flow-control";
import { MAX_DIMENSION, MAX_INPUT_BYTES } from "./protocol";
import { TicketError, type TicketAuthority, type VerifiedTicket } from "./tickets";
import { attachCommand, detachCommand, TERMINAL_ENV } from "./tmux";
import { keepAlive, wsTerminalSocket } from "./ws-socket";

export interface TerminalMetrics {
  bytes(direction: "in" | "out", n: number): void;
  connections(delta: 1 | -1): void;
}

export interface TerminalGatewayOptions {
  runtime: ContainerRuntime;
  tickets: TicketAuthority;
  isAllowedOrigin: (origin: string | undefined) => boolean;
  /** Container id of a live host, or null when the session or host does not exist (or is not running). */
  resolveContainer: (sessionId: string, host: string) => Promise<string | null>;
  logger: Logger;
  metrics?: TerminalMetrics;
  keepaliveMs?: number;
  flow?: FlowControlLimits;
  /** Told on every keystroke batch (to postpone the session's idle timeout). */
  onInput?: (sessionId: string) => void;
}

class Rejection extends Error {
  constructor(readonly status: 401 | 403 | 404 | 500 | 503, readonly text: string) {
    super(text);
  }
}

const DEFAULT_SIZE = { cols: 80, rows: 24 };

function initialSize(url: URL): { cols: number; rows: number } {
  const cols = Number(url.searchParams.get("cols"));
  const rows = Number(url.searchParams.get("rows"));
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_DIMENSION;
  return ok(cols) && ok(rows) ? { cols, rows } : DEFAULT_SIZE;
}

function reject(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

export class TerminalGateway {
  // noServer: the runner's HTTP server routes upgrades; maxPayload bounds what one frame can cost us.
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INPUT_BYTES + 1 });
  private readonly open = new Set<Promise<BridgeEnd>>();

  constructor(private readonly options: TerminalGatewayOptions) {}

  /** Handles an `upgrade` event for the terminal path. Never throws; failures become HTTP responses. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    this.accept(req, socket, head).catch((err: unknown) => {
      const rejection = err instanceof Rejection ? err : new Rejection(500, "Internal Server Error");
      const level = rejection.status >= 500 ? "error" : "warn";
      this.options.logger[level]("terminal.rejected", { status: rejection.status, reason: rejection.text, error: err instanceof Rejection ? undefined : err });
      reject(socket, rejection.status, rejection.text);
    });
  }

  /** Number of terminals currently attached. */
  get activeCount(): number {
    return this.open.size;
  }

  /** Closes every terminal (detaching tmux clients) and waits for them to finish. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.close(1001, "runner shutting down");
    await Promise.all(this.open);
    this.wss.close();
  }

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://runner.invalid");
    if (!this.options.isAllowedOrigin(req.headers.origin)) throw new Rejection(403, "Forbidden");
    let ticket: VerifiedTicket;
    try {
      ticket = this.options.tickets.redeem(url.searchParams.get("ticket") ?? "");
    } catch (err) {
      if (err instanceof TicketError) throw new Rejection(401, "Unauthorized");
      throw err;
    }
    const containerId = await this.options.resolveContainer(ticket.sessionId, ticket.host);
    if (containerId === null) throw new Rejection(404, "Not Found");

    const connectionId = randomBytes(9).toString("base64url");
    let tty: TtyExec;
    try {
      tty = await this.options.runtime.execTty(containerId, {
        cmd: attachCommand(ticket.terminalId, connectionId, { readOnly: ticket.readOnly }),
        env: TERMINAL_ENV,
        ...initialSize(url),
      });
    } catch (err) {
      // A missing or stopped container is "no such live host" to the caller.
      if (isRuntimeError(err, "not_found") || isRuntimeError(err, "conflict")) throw new Rejection(404, "Not Found");
      if (isRuntimeError(err, "unavailable")) throw new Rejection(503, "Service Unavailable");
      throw err;
    }
    const detach = async () => {
      try {
        await this.options.runtime.exec(containerId, { cmd: detachCommand(connectionId), timeoutMs: 5_000 });
      } catch (err) {
        // A host being stopped or removed has no tmux client left to detach: not worth a warning.
        const info = await this.options.runtime.inspectContainer(containerId).catch(() => null);
        if (info?.state === "running") throw err;
      }
    };
    if (!socket.readable || !socket.writable) {
      // The client gave up while the exec was starting.
      await detach().catch(() => undefined);
      tty.close();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, tty, ticket, connectionId, detach));
  }

  private attach(ws: WebSocket, tty: TtyExec, ticket: VerifiedTicket, connectionId: string, detach: () => Promise<void>): void {
    const { logger, metrics } = this.options;
    const log = logger.child({ sessionId: ticket.sessionId, host: ticket.host, terminalId: ticket.terminalId, connectionId, ...(ticket.readOnly ? { readOnly: true } : {}) });
    const stopKeepAlive = keepAlive(ws, this.options.keepaliveMs, () => log.info("terminal.dead_socket"));
    metrics?.connections(1);
    log.info("terminal.opened");
    const bridge = bridgeTerminal(wsTerminalSocket(ws), tty, {
      terminalId: ticket.terminalId,
      readOnly: ticket.readOnly,
      flow: this.options.flow,
      detach,
      onBytes: (direction, n) => {
        metrics?.bytes(direction, n);
        if (direction === "in") this.options.onInput?.(ticket.sessionId);
      },
      onError: (error) => log.warn("terminal.error", { error }),
    });
    const done = bridge.done.then((end) => {
      stopKeepAlive();
      metrics?.connections(-1);
      log.info("terminal.closed", { ...end });
      this.open.delete(done);
      return end;
    });
    this.open.add(done);
  }
}
