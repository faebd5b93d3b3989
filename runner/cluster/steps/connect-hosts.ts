/**
 * Cluster step 7: the learner's hosts get `kubectl` and a kubeconfig for the cluster, so
 * `kubectl get nodes` works in the first terminal. kubectl is copied from the control plane when the
 * host image lacks it, which also keeps client and server versions in step.
 */
import type { ProvisionStep } from "../../provision/context";
import { requireControlPlane } from "./control-plane";
import { containerOf } from "../../provision/context";
import { ADMIN_CONF, kindKubeconfig } from "../kubeconfig";
import { inNode } from "../node-exec";

export const HOST_KUBECONFIG = "/root/.kube/config";

export const connectHosts: ProvisionStep = {
  name: "connect-hosts-to-cluster",
  async run(ctx, progress) {
    if (!ctx.spec.cluster) return;
    const { cluster, controlPlane } = requireControlPlane(ctx, this.name);
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
