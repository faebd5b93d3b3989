/** `praxis env down <id>`: removes every container and network of an environment (by label). */
import { EXIT, printUsage, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { LABEL } from "../docker/labels";
import { removeSessionObjects } from "../provision/teardown";
import type { CliDeps } from "./deps";

export async function envDown(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env down", argv, {}, 1);
  const [id] = args.positionals;
  if (args.help || !id) return printUsage(io, "usage: praxis env down <id>\n", Boolean(args.help));
  const filter = { [LABEL.managed]: "true", [LABEL.session]: id };
  const found = (await deps.runtime.listContainers(filter)).length + (await deps.runtime.listNetworks(filter)).length;
  if (found === 0) {
    io.stderr.write(`env down: no environment ${id} (see praxis env ls)\n`);
    return EXIT.failure;
  }
  const failures = await removeSessionObjects(deps.runtime, id);
  if (failures.length > 0) {
    io.stderr.write(`env down: could not remove:\n  ${failures.join("\n  ")}\n`);
    return EXIT.failure;
  }
  io.stdout.write(`removed ${id}\n`);
  return EXIT.ok;
}
