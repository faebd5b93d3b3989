/**
 * Cluster step 1: the node containers, booted. Nodes sit on two networks:
 *  - the session network (isolated, see environment/security.ts), so the learner's hosts reach the API
 *    server and NodePorts by node name;
 *  - their own cluster bridge, which is not `internal`: Docker publishes ports (the API server on
 *    127.0.0.1) and gives a default route (the kubelet and API server pick addresses from it, and the
 *    node image points DNS at the gateway) only on such a network. Masquerading is off unless the lab
 *    asks for egress, so nodes still have no way out to the internet.
 * Then each node is awaited until its entrypoint has handed over to systemd.
 */
import { sessionLabels } from "../../docker/labels";
import type { ClusterNodeState, ProvisionStep } from "../../provision/context";
import { ProvisionError } from "../../provision/errors";
import { clusterName, clusterNetworkName, clusterNodes } from "../names";
import { nodeContainerSpec } from "../node-container";
import { inNode, waitFor } from "../node-exec";
import { createBridgeNetwork } from "../../provision/subnets";

const BOOT_TIMEOUT_MS = 90_000;

export const createClusterNodes: ProvisionStep = {
  name: "create-cluster-nodes",
  async run(ctx, progress) {
    const spec = ctx.spec.cluster;
    if (!spec) return;
    if (!ctx.network) throw new ProvisionError(this.name, "no session network (create-network must run first)");
    const cluster = clusterName(ctx.session.sessionId);
    const network = clusterNetworkName(ctx.session.sessionId);
    const labels = sessionLabels({ ...ctx.session, role: "network", extra: ctx.session.extraLabels });
    // Its own subnet when Docker's default pools are used up (a Kubernetes session needs two networks).
    const net = await createBridgeNetwork(ctx.runtime, {
      name: network,
      labels,
      internal: false,
      driverOptions: { "com.docker.network.bridge.enable_ip_masquerade": String(ctx.spec.egress) },
    });
    ctx.undo.push({ what: `network ${network}`, run: () => ctx.runtime.removeNetwork(net.id) });

    const nodes = await Promise.all(
      clusterNodes(cluster, spec.nodes).map(async (node): Promise<ClusterNodeState> => {
        const created = await ctx.runtime.createContainer(
          nodeContainerSpec({ session: ctx.session, cluster, node, image: spec.image, network, resources: spec.nodeResources }),
        );
        ctx.undo.push({ what: `node ${node.name}`, run: () => ctx.runtime.removeContainer(created.id) });
        await ctx.runtime.connectNetwork(ctx.network!, created.id, [node.name]);
        await ctx.runtime.startContainer(created.id);
        progress(`node ${node.name} started`);
        return { ...node, containerId: created.id, ip: "" };
      }),
    );
    ctx.cluster = { name: cluster, network, nodes };

    // Like kind, go on as soon as the entrypoint has prepared the node and handed PID 1 to systemd:
    // kubeadm's first phases (certificates, manifests) overlap the rest of the boot, and kubeadm itself
    // waits for the kubelet, which systemd starts once containerd is up.
    await Promise.all(
      nodes.map((node) =>
        waitFor(`${node.name} to boot (its entrypoint handing over to systemd)`, BOOT_TIMEOUT_MS, async () => {
          const pid1 = await inNode(ctx.runtime, node, ["cat", "/proc/1/comm"], { timeoutMs: 5000 });
          return pid1.trim() === "systemd";
        }, 250),
      ),
    );
    for (const node of nodes) {
      const info = await ctx.runtime.inspectContainer(node.containerId);
      node.ip = info?.networks[network] ?? "";
      if (!node.ip) throw new ProvisionError(this.name, `node ${node.name} has no address on ${network}`);
    }
    progress(`${nodes.length} node(s) booted`);
  },
};
