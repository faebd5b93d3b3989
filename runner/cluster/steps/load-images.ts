/**
 * Cluster step 5: the lab's own images, built on this machine, go into every node's containerd (what
 * `kind load docker-image` does): `docker save` streamed straight into `ctr images import` in the node.
 * Pods must then use them with `imagePullPolicy: IfNotPresent` (or a non-`latest` tag), since there
 * is no registry to pull from.
 */
import type { ProvisionStep } from "../../provision/context";
import { inNode } from "../node-exec";

const IMPORT_TIMEOUT_MS = 5 * 60_000;
export const IMPORT_COMMAND = ["ctr", "--namespace=k8s.io", "images", "import", "--digests", "--snapshotter=overlayfs", "-"];

export const loadImages: ProvisionStep = {
  name: "load-images",
  async run(ctx, progress) {
    const images = ctx.spec.cluster?.loadImages ?? [];
    for (const image of images) {
      await Promise.all(
        (ctx.cluster?.nodes ?? []).map(async (node) => {
          // One `docker save` per node: a stream can only be read once, and buffering could be large.
          const archive = await ctx.runtime.saveImage(image);
          await inNode(ctx.runtime, node, IMPORT_COMMAND, { stdin: archive, timeoutMs: IMPORT_TIMEOUT_MS });
        }),
      );
      progress(`${image} loaded into ${ctx.cluster?.nodes.length ?? 0} node(s)`);
    }
  },
};
