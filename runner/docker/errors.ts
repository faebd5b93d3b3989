/**
 * Typed errors raised by every ContainerRuntime implementation. Callers branch on `kind`, never on an
 * engine's message text, and the process edges (HTTP, CLI) map kinds to status codes once.
 */

export type RuntimeErrorKind =
  /** The engine cannot be reached (daemon down, socket missing). */
  | "unavailable"
  /** The named object does not exist. */
  | "not_found"
  /** The name is already in use, or the object is in a state that forbids the operation. */
  | "conflict"
  /** The engine ran out of a shared resource it hands out itself (e.g. its default network address pools). */
  | "exhausted"
  /** Anything else the engine reported. */
  | "failed";

export class RuntimeError extends Error {
  override readonly name = "RuntimeError";
  constructor(
    readonly kind: RuntimeErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRuntimeError(err: unknown, kind?: RuntimeErrorKind): err is RuntimeError {
  return err instanceof RuntimeError && (kind === undefined || err.kind === kind);
}
