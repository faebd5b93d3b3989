/**
 * Step 2: the session's private bridge (isolated from the host and other sessions, see
 * environment/security.ts) and, only when the lab asks for egress, a second NAT bridge. Past Docker's
 * default address pools (about 30 networks) the subnet is picked here instead (subnets.ts).
 */
import { networkName, sessionLabels } from "../../docker/labels";
import { ISOLATED_BRIDGE_OPTIONS } from "../../environment/security";
import type { ProvisionStep } from "../context";
import { createBridgeNetwork } from "../subnets";

export const createNetwork: ProvisionStep = {
  name: "create-network",
  async run(ctx, progress) {
    const labels = sessionLabels({ ...ctx.session, role: "network", extra: ctx.session.extraLabels });
    const name = networkName(ctx.session.sessionId);
    const net = await createBridgeNetwork(ctx.runtime, { name, labels, internal: true, driverOptions: ISOLATED_BRIDGE_OPTIONS });
    ctx.undo.push({ what: `network ${name}`, run: () => ctx.runtime.removeNetwork(net.id) });
    ctx.network = name;
    progress(`network ${name} (isolated)`);
    if (!ctx.spec.egress) return;
    const egress = `${name}-egress`;
    const eg = await createBridgeNetwork(ctx.runtime, { name: egress, labels, internal: false });
    ctx.undo.push({ what: `network ${egress}`, run: () => ctx.runtime.removeNetwork(eg.id) });
    ctx.egressNetwork = egress;
    progress(`network ${egress} (internet access)`);
  },
};
