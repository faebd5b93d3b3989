/**
 * Runs a kubernetes assertion (labs/grading/kubernetes) against a session's cluster through the API
 * server port the control plane publishes on 127.0.0.1. Readers are kept per session for a minute so a
 * learner clicking Check repeatedly (or background auto-checks) does not re-read the kubeconfig from the
 * node every time; a reader that fails to reach the cluster is dropped so the next check looks again.
 */
import { runKubernetesCheck, type ClusterReader } from "../../labs/grading/kubernetes/index";
import { clientNodeReader } from "../../labs/grading/kubernetes/client-node-reader";
import { runnerKubeconfig } from "../cluster/access";
import type { ContainerRuntime } from "../docker/runtime";
import type { CheckOutcome, KubernetesCheckRequest } from "./request";

const READER_TTL_MS = 60_000;

export class ClusterChecks {
  private readonly readers = new Map<string, { reader: ClusterReader; until: number }>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly clock: () => number = Date.now,
  ) {}

  async run(sessionId: string, request: KubernetesCheckRequest): Promise<CheckOutcome> {
    const reader = await this.readerFor(sessionId);
    const result = await runKubernetesCheck(reader, request);
    if (!result.passed && /not reachable|unreachable/i.test(result.message)) this.readers.delete(sessionId);
    return { passed: result.passed, message: result.message, durationMs: result.durationMs };
  }

  forget(sessionId: string): void {
    this.readers.delete(sessionId);
  }

  private async readerFor(sessionId: string): Promise<ClusterReader> {
    const cached = this.readers.get(sessionId);
    if (cached && cached.until > this.clock()) return cached.reader;
    const reader = clientNodeReader(await runnerKubeconfig(this.runtime, sessionId));
    this.readers.set(sessionId, { reader, until: this.clock() + READER_TTL_MS });
    return reader;
  }
}
