/**
 * The secrets of an instructor's browser session. The cookie carries a random 32-byte token; the
 * database keeps only its sha256, so reading the database does not yield usable cookies. The CSRF
 * token is derived from the session token (a keyed digest with its own prefix), so it needs no storage,
 * changes with every login, and cannot be computed by a page that cannot read the HttpOnly cookie.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const newSessionToken = (): string => randomBytes(32).toString("base64url");

export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const csrfTokenFor = (sessionToken: string): string => createHash("sha256").update(`praxis-csrf:${sessionToken}`).digest("base64url");

/** A session token as we make them (43 base64url characters); anything else is not looked up at all. */
export const isWellFormedToken = (value: string | undefined): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

/** Constant-time string equality (length differences return early; lengths are not secret here). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
