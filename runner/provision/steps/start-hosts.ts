/**
 * Step 3: create and start one container per host, with the security defaults baked into
 * hostContainerSpec. A container that exits right after starting (an image whose command does not
 * keep running) is reported here, by host name, instead of surfacing later as a confusing exec error.
 */
import { hostContainerSpec } from "../../environment/host-container";
import { ProvisionError } from "../errors";
import type { ProvisionStep } from "../context";

export const startHosts: ProvisionStep = {
  name: "start-hosts",
  async run(ctx, progress) {
    const network = ctx.network;
    if (!network) throw new ProvisionError(this.name, "no session network (create-network must run first)");
    for (const host of ctx.spec.hosts) {
      const spec = hostContainerSpec(ctx.session, host, network);
      const created = await ctx.runtime.createContainer(spec);
      ctx.undo.push({ what: `container ${spec.name}`, run: () => ctx.runtime.removeContainer(created.id) });
      ctx.containers.set(host.name, created.id);
      if (ctx.egressNetwork) await ctx.runtime.connectNetwork(ctx.egressNetwork, created.id, [host.name]);
      await ctx.runtime.startContainer(created.id);
      progress(`host ${host.name} started (${host.image})`);
    }
    for (const [host, id] of ctx.containers) {
      const info = await ctx.runtime.inspectContainer(id);
      if (info?.state !== "running") {
        throw new ProvisionError(this.name, `host ${host} is ${info?.state ?? "gone"} right after start; its image's command must keep running`);
      }
    }
  },
};
