/**
 * `praxis env exec <id> [--host h] -- <cmd...>`: runs a command in one host of an environment and
 * exits with its exit code. With one host, --host may be omitted.
 */
import { printUsage, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import type { CliDeps } from "./deps";
import { findHost } from "./listing";

const USAGE = "usage: praxis env exec <id> [--host <name>] -- <command> [args...]\n";

export async function envExec(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const dash = argv.indexOf("--");
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const cmd = dash === -1 ? [] : argv.slice(dash + 1);
  const args = parseCommandArgs("env exec", own, { host: { type: "string" } }, 1);
  const [id] = args.positionals;
  if (args.help || !id || cmd.length === 0) return printUsage(io, USAGE, Boolean(args.help));
  const host = await findHost(deps.runtime, "env exec", id, args.flags.host as string | undefined, io.stderr);
  if (typeof host === "number") return host;
  const result = await deps.runtime.exec(host.containerId, { cmd });
  io.stdout.write(result.stdout);
  io.stderr.write(result.stderr);
  return result.exitCode;
}
