/**
 * Runs one CheckRequest in a session: a script on the named host, a kubernetes assertion on the session's
 * cluster, or a container, file or http check on (or from) the named host. The one dispatch on check kinds,
 * shared by the runner API and `praxis env check`.
 */
import type { ContainerRuntime } from "../docker/runtime";
import type { ClusterChecks } from "./cluster-check";
import { runContainerCheck } from "./container-check";
import { runFileCheck } from "./file-check";
import { runHttpCheck } from "./http-check";
import type { CheckOutcome, CheckRequest } from "./request";
import { runScriptCheck } from "./script-check";

export interface CheckTarget {
  sessionId: string;
  /** Container id of a host of the session; throws (the caller's own error) when there is none. */
  hostContainer(host: string): string;
}

export function executeCheck(deps: { runtime: ContainerRuntime; clusterChecks: ClusterChecks }, target: CheckTarget, request: CheckRequest): Promise<CheckOutcome> {
  if (request.kind === "kubernetes") return deps.clusterChecks.run(target.sessionId, request);
  if (request.kind === "container") return runContainerCheck(deps.runtime, target.hostContainer(request.host), request);
  if (request.kind === "file") return runFileCheck(deps.runtime, target.hostContainer(request.host), request);
  if (request.kind === "http") return runHttpCheck(deps.runtime, target.hostContainer(request.host), request);
  const { timeoutMs = 30_000, env, retries, intervalMs } = request;
  return runScriptCheck(deps.runtime, target.hostContainer(request.host), request.script, { timeoutMs, env, retries, intervalMs });
}
