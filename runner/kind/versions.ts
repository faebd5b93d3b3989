/**
 * The pinned component versions of the Praxis kind node image, and the image references derived from
 * them. One place to bump: every recipe, Dockerfile and manifest reads these. The Kubernetes-side image
 * tags must equal what the built `kubeadm config images list --kubernetes-version <v>` prints (checked
 * at build time by build-images.ts), because kubeadm's static pods reference exactly those names.
 */

export interface KindNodeVersions {
  /** Kubernetes release, also written to /kind/version and used as the node image tag. */
  kubernetes: string;
  /** etcd module version and the image tag kubeadm expects for it (SupportedEtcdVersion in kubeadm). */
  etcd: string;
  etcdImageTag: string;
  coredns: string;
  /** Tag of the pause image; containerd's sandbox image and kubeadm's pause image are the same ref. */
  pause: string;
  containerd: string;
  runc: string;
  crictl: string;
  cniPlugins: string;
  localPathProvisioner: string;
  /** Our own images (network daemon, local-path helper) are versioned with the image recipe. */
  praxisImages: string;
  /** The kind CLI used only as the compatibility oracle (proof test), never at runtime. */
  kindCli: string;
}

export const KIND_NODE_VERSIONS: KindNodeVersions = Object.freeze({
  kubernetes: "v1.34.4",
  etcd: "v3.6.5",
  etcdImageTag: "3.6.5-0",
  coredns: "v1.12.1",
  pause: "3.10.1",
  containerd: "v2.1.9",
  runc: "v1.3.6",
  crictl: "v1.34.0",
  cniPlugins: "v1.7.1",
  localPathProvisioner: "v0.0.30",
  praxisImages: "v0.1.0",
  kindCli: "v0.30.0",
});

/** "v1.34.4" -> { major: "1", minor: "34" }; throws on anything that is not vMAJOR.MINOR.PATCH. */
export function kubeVersionParts(version: string): { major: string; minor: string } {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`kubernetes version "${version}" is not of the form vMAJOR.MINOR.PATCH`);
  return { major: m[1]!, minor: m[2]! };
}

export interface KindNodeImageRefs {
  apiserver: string;
  controllerManager: string;
  scheduler: string;
  proxy: string;
  etcd: string;
  coredns: string;
  pause: string;
  network: string;
  localPath: string;
  localPathHelper: string;
  /** The base image (OS, systemd, containerd, runc, CNI) and the final node image. */
  base: string;
  node: string;
}

export function imageRefs(v: KindNodeVersions): KindNodeImageRefs {
  const k8s = "registry.k8s.io";
  return {
    apiserver: `${k8s}/kube-apiserver:${v.kubernetes}`,
    controllerManager: `${k8s}/kube-controller-manager:${v.kubernetes}`,
    scheduler: `${k8s}/kube-scheduler:${v.kubernetes}`,
    proxy: `${k8s}/kube-proxy:${v.kubernetes}`,
    etcd: `${k8s}/etcd:${v.etcdImageTag}`,
    coredns: `${k8s}/coredns/coredns:${v.coredns}`,
    pause: `${k8s}/pause:${v.pause}`,
    network: `docker.io/praxis/kind-network:${v.praxisImages}`,
    localPath: `docker.io/praxis/local-path-provisioner:${v.localPathProvisioner}`,
    localPathHelper: `docker.io/praxis/local-path-helper:${v.praxisImages}`,
    base: `praxis/kind-node-base:${v.kubernetes}`,
    node: `praxis/kind-node:${v.kubernetes}`,
  };
}

/** The images kubeadm itself needs (what `kubeadm config images list` must print, in its order). */
export function kubeadmImages(refs: KindNodeImageRefs): string[] {
  return [refs.apiserver, refs.controllerManager, refs.scheduler, refs.proxy, refs.coredns, refs.pause, refs.etcd];
}

/** The node image a cluster of this Kubernetes version runs on (built by `praxis images build kind-node`). */
export function nodeImageFor(kubernetesVersion: string): string {
  return `praxis/kind-node:${kubernetesVersion}`;
}
