/** The cluster and its control-plane node, for steps that run after kubeadm-init (a bug otherwise). */
import type { ClusterNodeState, ClusterState, ProvisionContext } from "../../provision/context";
import { ProvisionError } from "../../provision/errors";

export function requireControlPlane(ctx: ProvisionContext, step: string): { cluster: ClusterState; controlPlane: ClusterNodeState } {
  const cluster = ctx.cluster;
  const controlPlane = cluster?.nodes[0];
  if (!cluster || !controlPlane) throw new ProvisionError(step, "no control plane (create-cluster-nodes and kubeadm-init must run first)");
  return { cluster, controlPlane };
}
