/**
 * Step 5: run each host's setup scripts in order (hosts in spec order). A non-zero exit or a timeout
 * fails provisioning with the script's name and the tail of its error output, which is what a lab
 * author needs to fix it.
 */
import { runScript } from "../../checks/script-exec";
import { ProvisionError } from "../errors";
import { containerOf, type ProvisionStep } from "../context";

function tail(text: string, lines = 5): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export const runSetup: ProvisionStep = {
  name: "run-setup",
  async run(ctx, progress) {
    for (const host of ctx.spec.hosts) {
      for (const script of host.setup) {
        progress(`running ${script.name} on ${host.name}`);
        const run = await runScript(ctx.runtime, containerOf(ctx, host.name), script.script, { timeoutMs: script.timeoutMs, env: host.env });
        if (run.timedOut) throw new ProvisionError(this.name, `${script.name} on ${host.name} timed out after ${Math.ceil(script.timeoutMs / 1000)}s`);
        if (run.exitCode !== 0) {
          const detail = tail(run.stderr) || tail(run.stdout) || "(no output)";
          throw new ProvisionError(this.name, `${script.name} on ${host.name} exited with ${run.exitCode}:\n${detail}`);
        }
      }
    }
  },
};
