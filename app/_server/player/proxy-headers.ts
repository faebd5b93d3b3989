/**
 * Header rules for the player's web-service proxy, pure. A lab's service is served under the site's own
 * origin at `/api/sessions/:id/services/:host/:port/`, so on the way in Praxis's own cookies (the learner's
 * identity, an instructor's session and CSRF token: every `praxis_*` cookie) and credentials are removed — a
 * lab's service is the lab author's code and must never see them — and on the way out Praxis cookies it tries
 * to set are dropped, and
 * redirects and cookies that the service scoped to its own root are re-scoped under that prefix: a
 * `Location: /login` or a `Set-Cookie: ...; Path=/` would otherwise point at, or land on, Praxis itself.
 */
import { HOP_BY_HOP, SERVICE_MARKER, type HeaderList } from "../../../runner/services/http-wire";

/** Where a service's root is mounted on the site. */
export function serviceBasePath(sessionId: string, host: string, port: number): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/services/${encodeURIComponent(host)}/${port}`;
}

/** The browser's request headers as the service may see them. */
/** Every cookie Praxis sets is named with this prefix; a lab's service may neither read nor set one. */
export const PRAXIS_COOKIE_PREFIX = "praxis_";

/** A Cookie header without Praxis's own cookies; null when none is left. */
export function withoutPraxisCookies(header: string | null | undefined): string | null {
  const kept = (header ?? "").split(";").map((c) => c.trim()).filter((c) => c && !c.startsWith(PRAXIS_COOKIE_PREFIX));
  return kept.length > 0 ? kept.join("; ") : null;
}

export function serviceRequestHeaders(headers: Headers): HeaderList {
  const out: HeaderList = [];
  headers.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || name === "authorization" || name === "accept-encoding" || name.startsWith("x-praxis-")) return;
    if (name === "cookie") {
      const kept = withoutPraxisCookies(value);
      if (kept) out.push(["cookie", kept]);
      return;
    }
    out.push([name, value]);
  });
  return out;
}

/** A redirect target re-rooted under the base path when it points at the service itself. */
export function rewriteLocation(location: string, basePath: string, port: number): string {
  if (location.startsWith("/") && !location.startsWith("//")) return basePath + location;
  try {
    const url = new URL(location);
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    const samePort = (url.port || (url.protocol === "https:" ? "443" : "80")) === String(port);
    if (local && samePort && (url.protocol === "http:" || url.protocol === "https:")) return basePath + url.pathname + url.search + url.hash;
  } catch {
    // relative ("next/page") or not a URL: the browser resolves it against the proxied page already
  }
  return location;
}

/** A Set-Cookie re-scoped under the base path (no Domain), or null for a cookie named like one of Praxis's. */
export function rewriteSetCookie(setCookie: string, basePath: string): string | null {
  const [pair = "", ...attributes] = setCookie.split(";").map((p) => p.trim());
  if (pair.split("=")[0]!.trim().startsWith(PRAXIS_COOKIE_PREFIX)) return null;
  let path = "/";
  const kept = attributes.filter((a) => {
    const name = a.split("=")[0]!.trim().toLowerCase();
    if (name === "path") path = a.slice(a.indexOf("=") + 1).trim() || "/";
    return name !== "path" && name !== "domain";
  });
  return [pair, ...kept, `Path=${basePath}${path.startsWith("/") ? path : `/${path}`}`].join("; ");
}

/** The service's response headers as the browser may see them. */
export function serviceResponseHeaders(upstream: Headers, basePath: string, port: number): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (name === "set-cookie" || name === SERVICE_MARKER || (HOP_BY_HOP.has(name) && name !== "content-length")) return;
    out.append(name, name === "location" ? rewriteLocation(value, basePath, port) : value);
  });
  for (const cookie of upstream.getSetCookie()) {
    const rewritten = rewriteSetCookie(cookie, basePath);
    if (rewritten) out.append("set-cookie", rewritten);
  }
  return out;
}
