/**
 * `ANY /sessions/:id/services/:host/:port/<path>`: one HTTP request to a web service listening on a port
 * inside a host of a ready session, relayed through a tunnel into that host (services/tunnel.ts says why).
 * The answer is the service's own status, headers and body, streamed as it comes (server-sent events work),
 * marked with `x-praxis-service: 1` so the caller can tell it from the runner's own JSON errors (a service
 * may answer 404 too). Which ports may be reached is the caller's decision (the web app checks the lab's
 * declared ports); the runner only refuses what could never be valid. The runner's bearer token is never
 * forwarded to the service.
 */
import { pipeline } from "node:stream/promises";
import type { ContainerRuntime } from "../docker/runtime";
import { exchangeHttp } from "../services/http-exchange";
import { HOP_BY_HOP, HttpWireError, SERVICE_MARKER, type HeaderList } from "../services/http-wire";
import { HttpError } from "./errors";
import { readBody } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { RouteContext, Router } from "./router";
import type { SessionService } from "./session-service";

export const SERVICE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** How long a service may take to start answering; its body then streams for as long as it lasts. */
const HEAD_TIMEOUT_MS = 30_000;

/** The path after `/sessions/:id/services/:host/:port`, undecoded, plus the query: what the service sees. */
export function serviceTarget(url: URL): string {
  const rest = url.pathname.split("/").slice(6).join("/");
  return `/${rest}${url.search}`;
}

function forwardedHeaders(raw: string[]): HeaderList {
  const out: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (lower === "authorization" || lower.startsWith("x-praxis-")) continue;
    out.push([name, raw[i + 1]!]);
  }
  return out;
}

export function addServiceRoutes(router: Router, deps: { sessions: SessionService; runtime: ContainerRuntime }): void {
  const handler = async ({ req, res, params, url }: RouteContext) => {
    const port = Number(params.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new HttpError(400, "bad_request", `invalid port ${JSON.stringify(params.port)}`);
    const containerId = requireHostContainer(deps.sessions, params.id!, params.host!);
    const body = new Uint8Array(await readBody(req, MAX_REQUEST_BYTES));
    const method = req.method ?? "GET";
    const request = { method, target: serviceTarget(url), port, headers: forwardedHeaders(req.rawHeaders), body };
    deps.sessions.touch(params.id!);
    let answer;
    try {
      answer = await exchangeHttp(deps.runtime, containerId, request, { headTimeoutMs: HEAD_TIMEOUT_MS });
    } catch (err) {
      if (err instanceof HttpWireError) throw new HttpError(400, "bad_request", err.message);
      throw err;
    }
    const headers: string[] = [];
    for (const [name, value] of answer.headers) if (!HOP_BY_HOP.has(name.toLowerCase())) headers.push(name, value);
    headers.push(SERVICE_MARKER, "1");
    if (answer.length !== undefined) headers.push("content-length", String(answer.length));
    res.writeHead(answer.status, answer.statusText || undefined, headers);
    res.flushHeaders();
    // A body that breaks off mid-way must reach the caller as a broken response, never as a complete short one.
    pipeline(answer.body, res).catch(() => res.destroy());
  };
  for (const method of SERVICE_METHODS) router.add(method, "/sessions/:id/services/:host/:port/*", handler);
}
