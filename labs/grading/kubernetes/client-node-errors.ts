/**
 * Maps whatever @kubernetes/client-node or fetch throws to a ClusterReadError that a learner can read:
 * which object, and why ("the cluster's API server is not reachable", "no kind Foo in apiVersion bar/v1").
 * Discovery failures need care: a 404 while resolving a kind means the kind does not exist, not the object.
 */
import { ClusterReadError, readErrors } from "./reader";

/** A non-2xx answer, with the API server's Status body (its `message` says what was wrong). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

export interface ErrorContext {
  target: string;
  server: string;
  timeoutMs: number;
  timedOut: boolean;
  cancelled: boolean;
}

const UNRECOGNISED_KIND = /^Unrecognized API version and kind: (\S+) (\S+)$/;
const DISCOVERY = /^Failed to fetch resource metadata for (.+)\/([^/:]+):/;

export function toReadError(error: unknown, ctx: ErrorContext): ClusterReadError | "not-found" {
  if (error instanceof ClusterReadError) return error;
  if (ctx.cancelled) return readErrors.cancelled(ctx.target);
  if (ctx.timedOut) return readErrors.timeout(ctx.target, ctx.timeoutMs);
  const message = error instanceof Error ? error.message : String(error);
  const kind = UNRECOGNISED_KIND.exec(message);
  if (kind) return readErrors.unknownKind(ctx.target, kind[1]!, kind[2]!);
  const discovery = DISCOVERY.exec(message);
  if (error instanceof HttpStatusError) {
    if (discovery && error.status === 404) return readErrors.unknownKind(ctx.target, discovery[1]!, discovery[2]!);
    return fromStatus(error, ctx.target);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (error instanceof TypeError && cause) return readErrors.unreachable(ctx.target, `${cause.code ?? cause.message ?? "network error"} talking to ${ctx.server}`);
  return new ClusterReadError("server-error", `${ctx.target}: could not read it from the cluster: ${message}`);
}

function fromStatus(error: HttpStatusError, target: string): ClusterReadError | "not-found" {
  const why = statusMessage(error.body);
  switch (error.status) {
    case 404:
      return "not-found";
    case 401:
      return new ClusterReadError("unauthorized", `${target}: the API server did not accept Praxis's credentials (401)`);
    case 403:
      return new ClusterReadError("forbidden", `${target}: not allowed to read it (403)${why ? `: ${why}` : ""}`);
    case 400:
    case 422:
      return readErrors.invalid(target, why || `HTTP ${error.status}`);
    default:
      return new ClusterReadError("server-error", `${target}: the API server answered ${error.status}${why ? `: ${why}` : ""}`);
  }
}

/** The `message` of a Kubernetes Status body, or the start of whatever else came back. */
function statusMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to a short excerpt.
  }
  return body.trim().slice(0, 200);
}
