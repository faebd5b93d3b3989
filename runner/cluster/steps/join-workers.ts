/** Cluster step 4: workers join the control plane, all at once (kubeadm join reads /kind/kubeadm.conf). */
import type { ProvisionStep } from "../../provision/context";
import { inNode } from "../node-exec";

const JOIN_TIMEOUT_MS = 5 * 60_000;

export const joinWorkers: ProvisionStep = {
  name: "join-workers",
  async run(ctx, progress) {
    const workers = ctx.cluster?.nodes.filter((n) => n.role === "worker") ?? [];
    await Promise.all(
      workers.map(async (node) => {
        await inNode(ctx.runtime, node, ["kubeadm", "join", "--config=/kind/kubeadm.conf", "--v=2"], { timeoutMs: JOIN_TIMEOUT_MS });
        progress(`${node.name} joined`);
      }),
    );
  },
};
