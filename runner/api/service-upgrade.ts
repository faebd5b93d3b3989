/**
 * WebSockets (any HTTP Upgrade) to a web service inside a host: `GET /sessions/:id/services/:host/:port/<path>`
 * with `Upgrade:` and the runner's bearer token. The upgrade request is written, as the service should see
 * it, into a tunnel (services/tunnel.ts) to 127.0.0.1:<port> in the host; from then on bytes flow both ways
 * untouched, the service's own `101 Switching Protocols` included. The runner never parses WebSocket frames.
 * The caller (the site) has already checked that its user owns the session and that the lab declares the port.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ContainerRuntime } from "../docker/runtime";
import { TARGET, TOKEN } from "../services/http-wire";
import { openTunnel, tunnelFailure } from "../services/tunnel";
import { findHostContainer } from "./hosts";
import type { Logger } from "./logger";
import { serviceTarget } from "./routes-services";
import type { SessionService } from "./session-service";

const SERVICE_PATH = /^\/sessions\/([^/]+)\/services\/([^/]+)\/([^/]+)(?:\/|$)/;

export interface ServiceUpgradeDeps {
  sessions: SessionService;
  runtime: ContainerRuntime;
  authorized(req: IncomingMessage): boolean;
  logger: Logger;
}

function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
}

/** The request head the service receives: its own Host, and neither the runner's token nor Praxis's headers. */
export function upgradeRequestHead(req: IncomingMessage, target: string, port: number): string | null {
  if (!TOKEN.test(req.method ?? "") || !TARGET.test(target)) return null;
  const lines = [`${req.method} ${target} HTTP/1.1`, `Host: localhost:${port}`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const lower = raw[i]!.toLowerCase();
    if (lower === "host" || lower === "authorization" || lower.startsWith("x-praxis-")) continue;
    if (/[\r\n\0]/.test(raw[i + 1]!)) return null;
    lines.push(`${raw[i]}: ${raw[i + 1]}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** Handles the upgrade when the path is a service's; false when it is not (the caller answers 404). */
export function handleServiceUpgrade(deps: ServiceUpgradeDeps, req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
  const m = SERVICE_PATH.exec(url.pathname);
  if (!m) return false;
  socket.on("error", () => socket.destroy());
  if (!deps.authorized(req)) {
    refuse(socket, 401, "Unauthorized", "a valid bearer token is required");
    return true;
  }
  const [sessionId, host, portText] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), m[3]!];
  const port = Number(portText);
  const requestHead = upgradeRequestHead(req, serviceTarget(url), port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535 || requestHead === null) {
    refuse(socket, 400, "Bad Request", `invalid port or request for ${url.pathname}`);
    return true;
  }
  const containerId = findHostContainer(deps.sessions, sessionId, host);
  if (containerId === null) {
    refuse(socket, 404, "Not Found", `no ready session ${sessionId} with host ${host}`);
    return true;
  }
  deps.sessions.touch(sessionId);
  void connect(deps, { socket, head, requestHead, containerId, where: `${sessionId}/${host}:${port}`, port });
  return true;
}

async function connect(deps: ServiceUpgradeDeps, c: { socket: Duplex; head: Buffer; requestHead: string; containerId: string; where: string; port: number }): Promise<void> {
  const { socket } = c;
  let tunnel;
  try {
    tunnel = await openTunnel(deps.runtime, c.containerId, c.port);
  } catch (err) {
    deps.logger.warn("service.tunnel_failed", { where: c.where, error: err });
    refuse(socket, 502, "Bad Gateway", `could not reach port ${c.port} in the host`);
    return;
  }
  let answered = false;
  tunnel.stdout.once("data", () => (answered = true));
  // Not ended by the pipe: when nothing answered, the client gets a 502 saying why before the socket ends.
  tunnel.stdout.pipe(socket, { end: false });
  socket.pipe(tunnel.stdin);
  tunnel.stdin.write(c.requestHead);
  if (c.head.length > 0) tunnel.stdin.write(c.head);
  socket.on("close", () => tunnel.close());
  const exit = await tunnel.exited;
  if (!answered && socket.writable) {
    // Nothing came back at all: say why instead of closing silently.
    refuse(socket, 502, "Bad Gateway", tunnelFailure(exit, c.port).message);
    return;
  }
  socket.end();
}
