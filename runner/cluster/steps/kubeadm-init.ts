/**
 * Cluster step 2: every node gets /kind/kubeadm.conf, then the control plane runs `kubeadm init`
 * (certificates, etcd and control-plane static pods, the kubelet). A single-node cluster also lets
 * ordinary pods run on the control plane, as kind does. The Kubernetes version comes from the image's
 * /kind/version (the control-plane images in it are tagged with it); a lab asking for another version
 * than the image holds is an error rather than a surprise.
 */
import { randomInt } from "node:crypto";
import type { ProvisionStep } from "../../provision/context";
import { ProvisionError } from "../../provision/errors";
import { bootstrapToken, kubeadmConfig } from "../kubeadm-config";
import { inNode, writeNodeFile } from "../node-exec";
import { requireControlPlane } from "./control-plane";

const INIT_TIMEOUT_MS = 5 * 60_000;
const KUBECTL = ["kubectl", "--kubeconfig=/etc/kubernetes/admin.conf"];

export const kubeadmInit: ProvisionStep = {
  name: "kubeadm-init",
  async run(ctx, progress) {
    const spec = ctx.spec.cluster;
    if (!spec) return;
    const { cluster, controlPlane } = requireControlPlane(ctx, this.name);
    const imageVersion = (await inNode(ctx.runtime, controlPlane, ["cat", "/kind/version"])).trim();
    if (imageVersion !== spec.kubernetesVersion) {
      throw new ProvisionError(this.name, `node image ${spec.image} holds Kubernetes ${imageVersion}, but the lab asks for ${spec.kubernetesVersion}`);
    }
    const token = bootstrapToken(randomInt);
    await Promise.all(
      cluster.nodes.map((node) =>
        writeNodeFile(ctx.runtime, node, "/kind/kubeadm.conf", kubeadmConfig({ cluster: cluster.name, kubernetesVersion: imageVersion, nodeName: node.name, nodeIp: node.ip, token })),
      ),
    );
    progress(`kubeadm init on ${controlPlane.name} (Kubernetes ${imageVersion})`);
    await inNode(ctx.runtime, controlPlane, ["kubeadm", "init", "--config=/kind/kubeadm.conf", "--skip-token-print", "--v=2"], { timeoutMs: INIT_TIMEOUT_MS });
    if (cluster.nodes.length === 1) {
      await inNode(ctx.runtime, controlPlane, [...KUBECTL, "taint", "nodes", "--all", "node-role.kubernetes.io/control-plane-"]);
      await inNode(ctx.runtime, controlPlane, [...KUBECTL, "label", "nodes", "--all", "node.kubernetes.io/exclude-from-external-load-balancers-"]);
    }
    progress("control plane up");
  },
};

export { KUBECTL };
