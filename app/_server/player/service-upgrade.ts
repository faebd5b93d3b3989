/**
 * WebSockets to a lab's web service. Next.js route handlers cannot take an HTTP Upgrade, so the site's own
 * server (scripts/start.ts) asks this module about every upgrade under /api/sessions/:id/services/…: it
 * checks exactly what the HTTP route checks (the learner's own session, a port the lab declares) and answers
 * where on the runner to connect; the cookies that may go along are withoutPraxisCookies' (proxy-headers.ts).
 * The runner then tunnels the connection into the host (runner/api/service-upgrade.ts).
 */
import { parseCookieHeader } from "../auth/cookies";
import { LEARNER_COOKIE, openLabDeps } from "../lab-deps";
import { LabSessionError } from "../runner-client";
import { authorizeService, serviceTarget } from "./service-proxy";

const SERVICE_UPGRADE_PATH = /^\/api\/sessions\/[^/]+\/services\/[^/]+\/[^/]+(?:\/|$)/;

export function isServiceUpgradePath(pathname: string): boolean {
  return SERVICE_UPGRADE_PATH.test(pathname);
}

/**
 * The runner path (with query) for this upgrade, or a LabSessionError: not_found for anyone else's session
 * or an undeclared port, bad_request for a malformed path.
 */
export async function authorizeServiceUpgrade(env: Record<string, string | undefined>, repoRoot: string, url: URL, cookieHeader: string | undefined): Promise<string> {
  const target = serviceTarget(url);
  const learner = parseCookieHeader(cookieHeader ?? null).get(LEARNER_COOKIE);
  if (!learner) throw new LabSessionError("not_found", `no session ${target.sessionId}`);
  const opened = await openLabDeps(env, repoRoot);
  try {
    await authorizeService(opened.deps, learner, target);
  } finally {
    await opened.close();
  }
  return `/sessions/${encodeURIComponent(target.sessionId)}/services/${encodeURIComponent(target.host)}/${target.port}${target.target}`;
}
