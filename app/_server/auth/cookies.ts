/**
 * The two cookies of an instructor session: `praxis_instructor` (the session token; HttpOnly so page
 * scripts never see it) and `praxis_csrf` (the derived CSRF token; readable by our own scripts, which
 * echo it in a header). Both SameSite=Lax and browser-session scoped: the server decides expiry.
 */
import { CSRF_COOKIE } from "./csrf";
import { csrfTokenFor } from "./tokens";

export const SESSION_COOKIE = "praxis_instructor";

/** name -> value from a Cookie header (first occurrence wins, values URI-decoded when possible). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || jar.has(name)) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      jar.set(name, decodeURIComponent(raw));
    } catch {
      jar.set(name, raw);
    }
  }
  return jar;
}

function cookie(name: string, value: string, opts: { httpOnly: boolean; secure: boolean; maxAge?: number }): string {
  return [`${name}=${value}`, "Path=/", "SameSite=Lax", opts.httpOnly ? "HttpOnly" : "", opts.secure ? "Secure" : "", opts.maxAge !== undefined ? `Max-Age=${opts.maxAge}` : ""].filter(Boolean).join("; ");
}

/** Set-Cookie values that sign this browser in. */
export function sessionCookies(token: string, secure: boolean): string[] {
  return [cookie(SESSION_COOKIE, token, { httpOnly: true, secure }), cookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, secure })];
}

/** Set-Cookie values that sign this browser out. */
export function clearedCookies(secure: boolean): string[] {
  return [cookie(SESSION_COOKIE, "", { httpOnly: true, secure, maxAge: 0 }), cookie(CSRF_COOKIE, "", { httpOnly: false, secure, maxAge: 0 })];
}
