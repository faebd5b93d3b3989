/**
 * Step 4: put each host's lab files in place (one archive per host), before setup scripts run so
 * they can use them.
 */
import { containerOf, type ProvisionStep } from "../context";

export const copyFiles: ProvisionStep = {
  name: "copy-files",
  async run(ctx, progress) {
    for (const host of ctx.spec.hosts) {
      if (host.files.length === 0) continue;
      await ctx.runtime.copyFiles(
        containerOf(ctx, host.name),
        host.files.map((f) => ({ path: f.targetPath, content: f.content, mode: f.mode })),
      );
      progress(`${host.files.length} file(s) copied to ${host.name}`);
    }
  },
};
