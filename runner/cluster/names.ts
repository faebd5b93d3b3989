/**
 * How a session's cluster and its nodes are named. The names follow kind's conventions
 * (`<cluster>-control-plane`, `<cluster>-worker`, `<cluster>-worker2`, ...) so that the kind CLI's own
 * commands (`kind get kubeconfig --name <cluster>`, `kind delete cluster`) find and understand them.
 */
export type NodeRole = "control-plane" | "worker";

export interface ClusterNode {
  /** Container name, hostname and Kubernetes node name. */
  name: string;
  role: NodeRole;
}

/** kind's labels: `kind get clusters` lists values of the first, the second tells node roles apart. */
export const KIND_LABEL = {
  cluster: "io.x-k8s.kind.cluster",
  role: "io.x-k8s.kind.role",
} as const;

export const API_SERVER_PORT = 6443;

export function clusterName(sessionId: string): string {
  return `praxis-${sessionId}`;
}

export function clusterNodes(cluster: string, count: number): ClusterNode[] {
  const nodes: ClusterNode[] = [{ name: `${cluster}-control-plane`, role: "control-plane" }];
  for (let i = 1; i < count; i++) nodes.push({ name: `${cluster}-worker${i === 1 ? "" : i}`, role: "worker" });
  return nodes;
}

/** The API server address every node and host on the cluster's networks uses (Docker DNS resolves it). */
export function controlPlaneEndpoint(cluster: string): string {
  return `${cluster}-control-plane:${API_SERVER_PORT}`;
}

/** The network the nodes share; see steps/create-nodes.ts for why it exists beside the session network. */
export function clusterNetworkName(sessionId: string): string {
  return `praxis-${sessionId}-cluster`;
}
