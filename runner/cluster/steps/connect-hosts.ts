/**
 * Cluster step 7: the learner's hosts get `kubectl` and a kubeconfig for the cluster, so
 * `kubectl get nodes` works in the first terminal. kubectl is copied from the control plane when the
 * host image lacks it, which also keeps client and server versions in step.
 */
import type { ProvisionStep } from "../../provision/context";
import { containerOf } from "../../provision/context";
import { ProvisionError } from "../../provision/errors";
import { ADMIN_CONF, kindKubeconfig } from "../kubeconfig";
import { inNode } from "../node-exec";

export const HOST_KUBECONFIG = "/root/.kube/config";

export const connectHosts: ProvisionStep = {
  name: "connect-hosts-to-cluster",
  async run(ctx, progress) {
    const cluster = ctx.cluster;
    if (!ctx.spec.cluster) return;
    const controlPlane = cluster?.nodes[0];
    if (!cluster || !controlPlane) throw new ProvisionError(this.name, "no control plane (kubeadm-init must run first)");
    const kubeconfig = kindKubeconfig(await inNode(ctx.runtime, controlPlane, ["cat", ADMIN_CONF]), cluster.name);
    for (const host of ctx.spec.hosts) {
      const id = containerOf(ctx, host.name);
      await ctx.runtime.copyFiles(id, [{ path: HOST_KUBECONFIG, content: new TextEncoder().encode(kubeconfig), mode: 0o600 }]);
      const has = await ctx.runtime.exec(id, { cmd: ["sh", "-c", "command -v kubectl"], timeoutMs: 10_000 });
      if (has.exitCode !== 0) await ctx.runtime.copyBetween({ containerId: controlPlane.containerId, path: "/usr/bin/kubectl" }, { containerId: id, dir: "/usr/local/bin" });
      progress(`${host.name}: kubectl configured for ${cluster.name}`);
    }
  },
};
