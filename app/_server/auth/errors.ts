/**
 * The typed errors of instructor authentication, and their one mapping to HTTP responses. Library code
 * throws AuthError; route handlers call authErrorResponse (or use the request helpers in request.ts,
 * which do) so every route answers the same status and JSON shape for the same failure.
 */
export type AuthErrorKind =
  | "unauthenticated" // no valid instructor session: 401
  | "forbidden" // signed in, but not allowed (e.g. not an admin): 403
  | "csrf" // a mutating request without a same-origin Origin or a matching CSRF token: 403
  | "bad_request" // malformed input: 400
  | "conflict" // e.g. the email is taken, or setup already happened: 409
  | "invalid_credentials" // wrong email or password: 401
  | "rate_limited"; // too many failed logins: 429 with Retry-After

const STATUS: Record<AuthErrorKind, number> = { unauthenticated: 401, forbidden: 403, csrf: 403, bad_request: 400, conflict: 409, invalid_credentials: 401, rate_limited: 429 };

export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly kind: AuthErrorKind,
    message: string,
    /** Seconds until a rate-limited caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

/** The response for an AuthError, or null for any other error (the caller handles or rethrows those). */
export function authErrorResponse(err: unknown): Response | null {
  if (!(err instanceof AuthError)) return null;
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (err.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.retryAfterSeconds);
  return Response.json({ error: { code: err.kind, message: err.message } }, { status: err.status, headers });
}
