/**
 * The container of one Kubernetes node, created with the parameters kind uses for a Docker node
 * (systemd as PID 1 with a tty, tmpfs /run and /tmp, a /var volume that receives the image's preloaded
 * containerd content, the host's kernel modules read-only, a private cgroup namespace, privileged,
 * restart only after an engine restart, SIGRTMIN+3 so systemd shuts down cleanly). Labels carry both
 * kind's keys (so the kind CLI sees the cluster) and Praxis's session keys (so teardown, reconciliation
 * and orphan sweeps treat nodes like every other object of the session).
 */
import { sessionLabels } from "../docker/labels";
import type { ContainerSpec, ResourceLimits } from "../docker/runtime";
import type { SessionIdentity } from "../environment/host-container";
import { API_SERVER_PORT, KIND_LABEL, type ClusterNode } from "./names";

export const NODE_LABEL = "praxis.node";

export interface NodeContainerInput {
  session: SessionIdentity;
  cluster: string;
  node: ClusterNode;
  image: string;
  /** The cluster network (see names.ts); the session network is connected before start. */
  network: string;
  resources: ResourceLimits;
}

export function nodeContainerSpec({ session, cluster, node, image, network, resources }: NodeContainerInput): ContainerSpec {
  const controlPlane = node.role === "control-plane";
  return {
    name: node.name,
    image,
    hostname: node.name,
    labels: {
      ...sessionLabels({ ...session, role: "node", extra: session.extraLabels }),
      [NODE_LABEL]: node.name,
      [KIND_LABEL.cluster]: cluster,
      [KIND_LABEL.role]: node.role,
    },
    env: controlPlane ? { KUBECONFIG: "/etc/kubernetes/admin.conf" } : {},
    network: { name: network, aliases: [node.name] },
    privileged: true,
    capAdd: [],
    capDrop: [],
    securityOpt: ["seccomp=unconfined", "apparmor=unconfined"],
    resources,
    // The image's entrypoint must be PID 1 (it execs systemd).
    init: false,
    tty: true,
    tmpfs: { "/run": "", "/tmp": "" },
    volumes: ["/var"],
    binds: [{ hostPath: "/lib/modules", containerPath: "/lib/modules", readOnly: true }],
    cgroupnsMode: "private",
    // Only on this machine's loopback: the runner's way in (checks, kind get kubeconfig). The engine
    // picks the port; readers look it up on the container each time, so it may change after a restart.
    ports: controlPlane ? [{ containerPort: API_SERVER_PORT, hostIp: "127.0.0.1" }] : [],
    restartPolicy: { name: "on-failure", maximumRetryCount: 1 },
    stopSignal: "SIGRTMIN+3",
  };
}
