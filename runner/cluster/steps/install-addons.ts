/**
 * Cluster step 3: the pod network and the default StorageClass, from the manifests the node image
 * ships (kind's contract), applied with the control plane's own kubectl.
 */
import type { ProvisionStep } from "../../provision/context";
import { requireControlPlane } from "./control-plane";
import { POD_SUBNET } from "../kubeadm-config";
import { CNI_MANIFEST, prepareCniManifest, STORAGE_MANIFEST } from "../manifests";
import { controlPlaneEndpoint } from "../names";
import { inNode } from "../node-exec";
import { KUBECTL } from "./kubeadm-init";

export const installAddons: ProvisionStep = {
  name: "install-cluster-addons",
  async run(ctx, progress) {
    if (!ctx.spec.cluster) return;
    const { cluster, controlPlane } = requireControlPlane(ctx, this.name);
    const cni = prepareCniManifest(await inNode(ctx.runtime, controlPlane, ["cat", CNI_MANIFEST]), {
      podSubnet: POD_SUBNET,
      controlPlaneEndpoint: controlPlaneEndpoint(cluster.name),
    });
    await inNode(ctx.runtime, controlPlane, [...KUBECTL, "create", "-f", "-"], { stdin: cni });
    progress("pod network installed");
    await inNode(ctx.runtime, controlPlane, [...KUBECTL, "apply", "-f", STORAGE_MANIFEST]);
    progress("default StorageClass installed");
  },
};
