/**
 * Cluster step 6: the cluster is handed out only when it is usable — every node Ready (the pod network
 * is up) and CoreDNS available (services resolve). kind's default `--wait 0` returns earlier; a learner
 * whose first `kubectl get nodes` shows NotReady would rightly think something is broken.
 */
import type { ProvisionStep } from "../../provision/context";
import { ProvisionError } from "../../provision/errors";
import { requireControlPlane } from "./control-plane";
import { inNode, waitFor } from "../node-exec";
import { KUBECTL } from "./kubeadm-init";

const READY_TIMEOUT_MS = 4 * 60_000;

interface NodeList {
  items: { metadata: { name: string }; status?: { conditions?: { type: string; status: string }[] } }[];
}

export function readyNodes(list: NodeList): string[] {
  return list.items.filter((n) => n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")).map((n) => n.metadata.name);
}

export const waitClusterReady: ProvisionStep = {
  name: "wait-cluster-ready",
  async run(ctx, progress) {
    if (!ctx.spec.cluster) return;
    const { cluster, controlPlane } = requireControlPlane(ctx, this.name);
    let ready: string[] = [];
    await waitFor(`${cluster.nodes.length} node(s) to be Ready`, READY_TIMEOUT_MS, async () => {
      const list = JSON.parse(await inNode(ctx.runtime, controlPlane, [...KUBECTL, "get", "nodes", "-o", "json"])) as NodeList;
      const now = readyNodes(list);
      if (now.length !== ready.length) progress(`${now.length}/${cluster.nodes.length} node(s) Ready`);
      ready = now;
      return cluster.nodes.every((n) => ready.includes(n.name));
    }).catch((err: Error) => {
      const missing = cluster.nodes.filter((n) => !ready.includes(n.name)).map((n) => n.name);
      throw new ProvisionError(this.name, `${err.message}; not Ready: ${missing.join(", ")}`);
    });
    await waitFor("CoreDNS to be available", READY_TIMEOUT_MS, async () => {
      const out = await inNode(ctx.runtime, controlPlane, [...KUBECTL, "-n", "kube-system", "get", "deployment", "coredns", "-o", "jsonpath={.status.availableReplicas}"]);
      return Number(out.trim()) >= 1;
    });
    progress("cluster ready");
  },
};
