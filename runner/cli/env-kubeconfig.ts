/**
 * `praxis env kubeconfig <id>`: prints a kubeconfig for the environment's Kubernetes cluster that works
 * from this machine (the API server's port on 127.0.0.1), like `kind get kubeconfig` — so an author can
 * point their own kubectl, k9s or a debugger at a learner-shaped cluster.
 */
import { EXIT, printUsage, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { runnerKubeconfig } from "../cluster/access";
import type { CliDeps } from "./deps";

export async function envKubeconfig(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env kubeconfig", argv, {}, 1);
  const [id] = args.positionals;
  if (args.help || !id) return printUsage(io, "usage: praxis env kubeconfig <id>\n", Boolean(args.help));
  io.stdout.write(await runnerKubeconfig(deps.runtime, id));
  return EXIT.ok;
}
