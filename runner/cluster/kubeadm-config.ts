/**
 * The kubeadm configuration written to /kind/kubeadm.conf on every node before `kubeadm init` / `join`
 * (kind's contract: the node image's units and kubeadm read it from there). Written from kubeadm's
 * v1beta3 API, which Kubernetes 1.34 reads; the choices mirror what kind does for a Docker node:
 * systemd cgroups under /kubelet, preflight skipped (a container fails its host checks), no image
 * garbage collection or disk eviction (the preloaded images must stay, and the disk is the host's).
 */
import { stringify } from "yaml";
import { API_SERVER_PORT, controlPlaneEndpoint } from "./names";

export const POD_SUBNET = "10.244.0.0/16";
export const SERVICE_SUBNET = "10.96.0.0/16";
const CRI_SOCKET = "unix:///run/containerd/containerd.sock";

export interface KubeadmConfigInput {
  cluster: string;
  kubernetesVersion: string;
  nodeName: string;
  /** The node's address on the cluster network: what the API server advertises and the kubelet uses. */
  nodeIp: string;
  /** Bootstrap token shared by init and join (random per cluster). */
  token: string;
}

export function kubeadmConfig(input: KubeadmConfigInput): string {
  const endpoint = controlPlaneEndpoint(input.cluster);
  const nodeRegistration = {
    name: input.nodeName,
    criSocket: CRI_SOCKET,
    kubeletExtraArgs: {
      "node-ip": input.nodeIp,
      "provider-id": `kind://docker/${input.cluster}/${input.nodeName}`,
    },
  };
  const documents = [
    {
      apiVersion: "kubeadm.k8s.io/v1beta3",
      kind: "ClusterConfiguration",
      clusterName: input.cluster,
      kubernetesVersion: input.kubernetesVersion,
      controlPlaneEndpoint: endpoint,
      // The runner reaches the API server through a port published on 127.0.0.1.
      apiServer: { certSANs: ["localhost", "127.0.0.1"] },
      controllerManager: { extraArgs: { "enable-hostpath-provisioner": "true" } },
      networking: { podSubnet: POD_SUBNET, serviceSubnet: SERVICE_SUBNET },
    },
    {
      apiVersion: "kubeadm.k8s.io/v1beta3",
      kind: "InitConfiguration",
      bootstrapTokens: [{ token: input.token, ttl: "24h0m0s" }],
      localAPIEndpoint: { advertiseAddress: input.nodeIp, bindPort: API_SERVER_PORT },
      nodeRegistration,
      skipPhases: ["preflight"],
    },
    {
      apiVersion: "kubeadm.k8s.io/v1beta3",
      kind: "JoinConfiguration",
      nodeRegistration,
      // The token proves membership; the CA is not pinned because the nodes share a private network
      // that only this cluster's containers are on.
      discovery: { bootstrapToken: { apiServerEndpoint: endpoint, token: input.token, unsafeSkipCAVerification: true } },
      skipPhases: ["preflight"],
    },
    {
      apiVersion: "kubelet.config.k8s.io/v1beta1",
      kind: "KubeletConfiguration",
      cgroupDriver: "systemd",
      cgroupRoot: "/kubelet",
      failSwapOn: false,
      imageGCHighThresholdPercent: 100,
      evictionHard: { "nodefs.available": "0%", "nodefs.inodesFree": "0%", "imagefs.available": "0%" },
    },
    {
      apiVersion: "kubeproxy.config.k8s.io/v1alpha1",
      kind: "KubeProxyConfiguration",
      mode: "iptables",
      iptables: { minSyncPeriod: "1s" },
      // 0 leaves the host's conntrack table size alone (kube-proxy cannot change it from a container).
      conntrack: { maxPerCore: 0 },
    },
  ];
  return documents.map((d) => stringify(d)).join("---\n");
}

/** A kubeadm bootstrap token, `[a-z0-9]{6}.[a-z0-9]{16}`; `randomBelow` is crypto.randomInt in production. */
export function bootstrapToken(randomBelow: (max: number) => number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[randomBelow(alphabet.length)]).join("");
  return `${pick(6)}.${pick(16)}`;
}
