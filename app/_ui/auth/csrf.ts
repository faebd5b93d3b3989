/**
 * Client side of the CSRF double submit: mutating requests to instructor routes send the `praxis_csrf`
 * cookie's value back in the `x-praxis-csrf` header (app/_server/auth/csrf.ts checks both match the
 * session). Use as `fetch(url, { method: "POST", headers: { ...csrfHeaders(), "content-type": ... } })`.
 */
export const CSRF_COOKIE = "praxis_csrf";
export const CSRF_HEADER = "x-praxis-csrf";

export function readCookie(name: string, cookieString: string = typeof document === "undefined" ? "" : document.cookie): string | undefined {
  for (const part of cookieString.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The header to add to a mutating instructor request ({} when not signed in). */
export function csrfHeaders(cookieString?: string): Record<string, string> {
  const token = readCookie(CSRF_COOKIE, cookieString);
  return token ? { [CSRF_HEADER]: token } : {};
}
