/**
 * Maps dockerode/docker-modem failures onto RuntimeError kinds, so nothing above the runtime ever
 * inspects HTTP status codes or socket error codes.
 */
import { RuntimeError } from "./errors";

interface EngineError {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
  message?: string;
}

export function toRuntimeError(err: unknown, what: string): RuntimeError {
  if (err instanceof RuntimeError) return err;
  const e = (err ?? {}) as EngineError;
  const detail = e.json?.message ?? e.message ?? String(err);
  const message = `${what}: ${detail}`;
  if (e.code === "ECONNREFUSED" || e.code === "ENOENT" || e.code === "EACCES" || e.code === "ECONNRESET") {
    return new RuntimeError("unavailable", `${what}: Docker engine unreachable (${e.code})`, { cause: err });
  }
  // Docker's default address pools hold about 30 bridge networks; the caller can pick a subnet itself.
  // (Docker 20.10 answers this one with a 404, so it must be recognised before not_found.)
  if (/available, non-overlapping IPv4 address pool/i.test(detail)) return new RuntimeError("exhausted", message, { cause: err });
  if (e.statusCode === 404) return new RuntimeError("not_found", message, { cause: err });
  if (/overlaps with other one on this address space/i.test(detail)) return new RuntimeError("conflict", message, { cause: err });
  // 403 is what Docker answers for e.g. removing a network that still has endpoints.
  if (e.statusCode === 409 || e.statusCode === 403) return new RuntimeError("conflict", message, { cause: err });
  return new RuntimeError("failed", message, { cause: err });
}

/** Runs an engine call, converting its failure; `what` names the operation and object for the message. */
export async function engine<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toRuntimeError(err, what);
  }
}

/** Like engine(), but a 404 yields null (for inspect) or is ignored (for idempotent removal). */
export async function engineOrNull<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    const mapped = toRuntimeError(err, what);
    if (mapped.kind === "not_found") return null;
    throw mapped;
  }
}
