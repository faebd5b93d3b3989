/**
 * Step 1: every image the environment uses must exist locally before anything is created, since no
 * registry is assumed reachable. Missing images are handed to `ensureImage` (the image builder for
 * praxis/* images); without one, or if it cannot help, the step fails naming the image.
 */
import { ProvisionError } from "../errors";
import type { ProvisionStep } from "../context";

export const ensureImages: ProvisionStep = {
  name: "ensure-images",
  async run(ctx, progress) {
    const cluster = ctx.spec.cluster;
    if (cluster && !(await ctx.runtime.inspectImage(cluster.image))) {
      throw new ProvisionError(this.name, `Kubernetes node image ${cluster.image} is not on this machine; build it with \`npx praxis images build kind-node\``);
    }
    const refs = [...new Set([...ctx.spec.hosts.map((h) => h.image), ...(cluster?.loadImages ?? [])])];
    for (const ref of refs) {
      if (await ctx.runtime.inspectImage(ref)) continue;
      if (!ctx.ensureImage) throw new ProvisionError(this.name, `image ${ref} is not available locally (build or load it first)`);
      progress(`building ${ref}`);
      await ctx.ensureImage(ref, progress);
      if (!(await ctx.runtime.inspectImage(ref))) throw new ProvisionError(this.name, `image ${ref} is still missing after building it`);
    }
    progress(`${refs.length} image(s) present`);
  },
};
