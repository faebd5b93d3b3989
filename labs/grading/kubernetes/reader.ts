/**
 * The one boundary between kubernetes checks and a cluster: read one object, or list objects by kind,
 * namespace and selectors. The real implementation (client-node-reader.ts) talks to the API server; the fake
 * (fake-reader.ts) keeps objects in memory with the same observable behaviour, and reader.contract.ts holds
 * the tests both must pass. Failures other than "not found" are ClusterReadErrors that already say which
 * object and why, so the grader can show them to a learner as they are.
 */

export type KubeObject = Record<string, unknown>;

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** Omitted for cluster-scoped kinds; for namespaced kinds the reader then uses "default". */
  namespace?: string;
  name: string;
}

export interface ListQuery {
  apiVersion: string;
  kind: string;
  /** Omitted: every namespace (or a cluster-scoped kind). */
  namespace?: string;
  /** Kubernetes label selector syntax, e.g. "app=web,tier!=db". */
  labelSelector?: string;
  /** Kubernetes field selector syntax, e.g. "status.phase=Running". */
  fieldSelector?: string;
}

export interface ReadOptions {
  /** Aborts the request (the grader's per-call deadline); the reader then rejects promptly. */
  signal?: AbortSignal;
}

export interface ClusterReader {
  /** The object, or null when it does not exist. */
  get(ref: ObjectRef, options?: ReadOptions): Promise<KubeObject | null>;
  /** Matching objects, each with apiVersion and kind set (the API server leaves them out of list items). */
  list(query: ListQuery, options?: ReadOptions): Promise<KubeObject[]>;
}

export type ClusterReadErrorReason =
  | "unreachable"
  | "timeout"
  | "cancelled"
  | "unknown-kind"
  | "unauthorized"
  | "forbidden"
  | "invalid-request"
  | "server-error"
  | "bad-kubeconfig";

export class ClusterReadError extends Error {
  override name = "ClusterReadError";

  constructor(
    readonly reason: ClusterReadErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** Whether trying again later could help; a malformed request or a broken kubeconfig will not fix itself. */
export function isPermanent(error: ClusterReadError): boolean {
  return error.reason === "invalid-request" || error.reason === "bad-kubeconfig" || error.reason === "cancelled";
}

/** Messages shared by the real reader and the fake, so tests against either see the same words. */
export const readErrors = {
  unknownKind: (target: string, apiVersion: string, kind: string) =>
    new ClusterReadError("unknown-kind", `${target}: the cluster has no kind ${kind} in apiVersion ${apiVersion} (a typo, or is its CRD not installed?)`),
  cancelled: (target: string) => new ClusterReadError("cancelled", `${target}: the request was cancelled`),
  invalid: (target: string, why: string) => new ClusterReadError("invalid-request", `${target}: the API server rejected the request: ${why}`),
  unreachable: (target: string, why: string) => new ClusterReadError("unreachable", `${target}: the cluster's API server is not reachable (${why})`),
  timeout: (target: string, ms: number) => new ClusterReadError("timeout", `${target}: the cluster's API server did not answer within ${seconds(ms)}`),
};

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
