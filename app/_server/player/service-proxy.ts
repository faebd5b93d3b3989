/**
 * The player's web-service tabs: one browser request to a service a host of the learner's own session
 * declares (`ports` in lab.yaml), passed to the runner, which relays it into the host. Only the session's
 * owner gets through (anyone else: 404, as for every session route), and only declared ports, so a lab
 * cannot be used to reach arbitrary ports inside its hosts. Bodies stream back unchanged; headers follow
 * proxy-headers.ts.
 */
import type { LabSessionDeps } from "../lab-sessions";
import { LabSessionError } from "../runner-client";
import { ownedSession } from "./progress-store";
import { serviceBasePath, serviceRequestHeaders, serviceResponseHeaders } from "./proxy-headers";

const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const BODYLESS_STATUS = new Set([101, 204, 205, 304]);

export interface ServiceTarget {
  sessionId: string;
  host: string;
  port: number;
  /** Path and query after the port, as the browser sent them (not decoded), starting with "/". */
  target: string;
}

/** Parses `/api/sessions/:id/services/:host/:port/<rest>` from a request URL, keeping `<rest>` raw. */
export function serviceTarget(url: URL): ServiceTarget {
  const parts = url.pathname.split("/");
  const [, , , rawId = "", , rawHost = "", rawPort = ""] = parts;
  const port = Number(rawPort);
  if (!/^\d{1,5}$/.test(rawPort) || port < 1 || port > 65_535) throw new LabSessionError("bad_request", `invalid port "${rawPort}"`);
  return { sessionId: decodeURIComponent(rawId), host: decodeURIComponent(rawHost), port, target: `/${parts.slice(7).join("/")}${url.search}` };
}

/** Throws not_found unless the session is the learner's own and its lab declares this host and port. */
export async function authorizeService(deps: LabSessionDeps, userId: string, t: ServiceTarget): Promise<void> {
  const session = await ownedSession(deps.prisma, userId, t.sessionId);
  const lab = await deps.loadLab(session.labId);
  const host = lab.environment.hosts.find((h) => h.name === t.host);
  if (!host) throw new LabSessionError("not_found", `lab ${lab.metadata.id} has no host "${t.host}"`);
  if (!host.ports.some((p) => p.port === t.port)) throw new LabSessionError("not_found", `host "${t.host}" declares no web service on port ${t.port}`);
}

export async function proxyService(deps: LabSessionDeps, userId: string, t: ServiceTarget, req: Request): Promise<Response> {
  await authorizeService(deps, userId, t);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await req.arrayBuffer());
  if (body && body.length > MAX_REQUEST_BYTES) throw new LabSessionError("bad_request", `request bodies to a lab's web service are limited to ${MAX_REQUEST_BYTES} bytes`);
  const upstream = await deps.runner.service(t.sessionId, t.host, t.port, {
    method: req.method,
    target: t.target,
    headers: serviceRequestHeaders(req.headers),
    body,
    signal: req.signal,
  });
  const headers = serviceResponseHeaders(upstream.headers, serviceBasePath(t.sessionId, t.host, t.port), t.port);
  // The service's own pages are not Praxis's: keep them out of shared caches.
  if (!headers.has("cache-control")) headers.set("cache-control", "private, no-cache");
  const passBody = req.method !== "HEAD" && !BODYLESS_STATUS.has(upstream.status);
  return new Response(passBody ? upstream.body : null, { status: upstream.status, statusText: upstream.statusText, headers });
}
