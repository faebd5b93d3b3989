/**
 * Cross-site request forgery defence for instructor requests, as a pure check over the request. Two
 * independent conditions, both required on POST/PUT/PATCH/DELETE:
 *  1. Origin: the browser-set Origin header names this site (one of the public origins, or the request's
 *     own origin when none are configured). A missing Origin is refused: every browser we support sends it
 *     on these methods, and the only callers without it are non-browser tools, which do not need cookies.
 *  2. Double submit: the `x-praxis-csrf` header equals the `praxis_csrf` cookie and the value derived from
 *     the session token (tokens.ts). A cross-site page can neither read the cookie nor set the header.
 * Login and setup have no session yet; they use the Origin check alone (checkOrigin).
 */
import { AuthError } from "./errors";
import { csrfTokenFor, safeEqual } from "./tokens";

export const CSRF_HEADER = "x-praxis-csrf";
export const CSRF_COOKIE = "praxis_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isMutating = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/** Throws AuthError("csrf") unless the request's Origin is this site. */
export function checkOrigin(request: Request, publicOrigins: readonly string[]): void {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") throw new AuthError("csrf", "cross-site request refused: the request has no Origin header");
  const allowed = publicOrigins.length > 0 ? publicOrigins : [new URL(request.url).origin];
  if (!allowed.includes(origin)) throw new AuthError("csrf", `cross-site request refused: Origin ${origin} is not this site`);
}

/** Throws AuthError("csrf") unless a mutating request passes both checks; safe methods always pass. */
export function checkCsrf(request: Request, opts: { sessionToken: string; cookieToken: string | undefined; publicOrigins: readonly string[] }): void {
  if (!isMutating(request.method)) return;
  checkOrigin(request, opts.publicOrigins);
  const header = request.headers.get(CSRF_HEADER) ?? "";
  const expected = csrfTokenFor(opts.sessionToken);
  if (!header || !opts.cookieToken || !safeEqual(header, opts.cookieToken) || !safeEqual(header, expected)) {
    throw new AuthError("csrf", `missing or wrong CSRF token: send the ${CSRF_HEADER} header (csrfHeaders() in app/_ui/auth/csrf.ts)`);
  }
}
