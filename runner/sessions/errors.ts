/**
 * Typed session errors; the HTTP edge maps at_capacity to 503, not_found to 404 and invalid_state to
 * 409, the CLI maps them to exit codes.
 */
export type SessionErrorKind = "at_capacity" | "not_found" | "invalid_state";

export class SessionError extends Error {
  override readonly name = "SessionError";
  constructor(
    readonly kind: SessionErrorKind,
    message: string,
  ) {
    super(message);
  }
}
