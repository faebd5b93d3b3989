/**
 * The one place where the runner's typed errors become HTTP statuses. Handlers throw domain errors
 * (SessionError, FileAccessError, ServiceError, RuntimeError, InvalidEnvironmentError) or an HttpError for plain bad
 * input; `toHttpError` maps them, and anything unknown becomes a 500 whose details stay in the log.
 */
import { isRuntimeError } from "../docker";
import { InvalidEnvironmentError } from "../environment/spec";
import { ProvisionError } from "../provision/errors";
import { FileAccessError, type FileErrorKind } from "../files/errors";
import { SessionError, type SessionErrorKind } from "../sessions/errors";
import { ServiceError, type ServiceErrorKind } from "../services/errors";

export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const SESSION_STATUS: Record<SessionErrorKind, number> = { not_found: 404, at_capacity: 503, invalid_state: 409 };
const FILE_STATUS: Record<FileErrorKind, number> = { bad_path: 400, outside_root: 403, not_found: 404, wrong_type: 409, too_large: 413 };
const SERVICE_STATUS: Record<ServiceErrorKind, number> = { not_listening: 502, timed_out: 504, no_relay: 502, bad_response: 502 };

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof SessionError) return new HttpError(SESSION_STATUS[err.kind], err.kind, err.message);
  if (err instanceof FileAccessError) return new HttpError(FILE_STATUS[err.kind], err.kind, err.message);
  if (err instanceof ServiceError) return new HttpError(SERVICE_STATUS[err.kind], err.kind, err.message);
  if (err instanceof InvalidEnvironmentError) return new HttpError(400, "invalid_environment", err.message, { problems: err.problems });
  if (err instanceof ProvisionError) return new HttpError(502, "provisioning_failed", err.message);
  if (isRuntimeError(err, "unavailable")) return new HttpError(503, "runtime_unavailable", "the container engine is unavailable");
  if (isRuntimeError(err, "not_found")) return new HttpError(404, "not_found", err.message);
  return new HttpError(500, "internal", "internal error");
}
