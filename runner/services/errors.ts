/**
 * Why a lab's web service could not be reached or did not answer properly. api/errors.ts maps the kinds to
 * HTTP statuses (all 502 but timed_out, 504); inside, callers branch on `kind`.
 */
export type ServiceErrorKind = "not_listening" | "timed_out" | "no_relay" | "bad_response";

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(readonly kind: ServiceErrorKind, message: string) {
    super(message);
  }
}
