/**
 * What provisioning steps share: the inputs (runtime, spec, session identity), what has been created
 * so far (filled in by the steps that create it), and the undo stack the driver unwinds on failure.
 * Steps register an undo action immediately after each object is created, so a failure halfway through
 * a step still removes what that step made.
 */
import type { ContainerRuntime } from "../docker/runtime";
import type { SessionIdentity } from "../environment/host-container";
import type { EnvironmentSpec } from "../environment/spec";
import type { ClusterNode } from "../cluster/names";

export interface ProvisionContext {
  readonly runtime: ContainerRuntime;
  readonly spec: EnvironmentSpec;
  readonly session: SessionIdentity;
  /** Makes a missing image available (e.g. builds praxis/<name>:latest); absent means "must exist". */
  readonly ensureImage?: (ref: string, progress: (line: string) => void) => Promise<void>;
  network?: string;
  egressNetwork?: string;
  /** The Kubernetes cluster, once its nodes exist (runner/cluster/). */
  cluster?: ClusterState;
  /** Host name -> container id, in spec order. */
  readonly containers: Map<string, string>;
  readonly undo: Array<{ what: string; run: () => Promise<void> }>;
}

export interface ClusterNodeState extends ClusterNode {
  containerId: string;
  /** Address on the cluster network. */
  ip: string;
}

export interface ClusterState {
  name: string;
  network: string;
  /** Control plane first. */
  nodes: ClusterNodeState[];
}

export interface ProvisionStep {
  readonly name: string;
  /** `progress` reports a human-readable message while the step runs. */
  run(ctx: ProvisionContext, progress: (message: string) => void): Promise<void>;
}

export function newContext(init: Pick<ProvisionContext, "runtime" | "spec" | "session" | "ensureImage">): ProvisionContext {
  return { ...init, containers: new Map(), undo: [] };
}

export function containerOf(ctx: ProvisionContext, host: string): string {
  const id = ctx.containers.get(host);
  if (!id) throw new Error(`provisioning: host ${host} has no container yet (steps out of order?)`);
  return id;
}
