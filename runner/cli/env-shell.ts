/**
 * `praxis env shell <id> [--host h] [--terminal name]`: an interactive shell in a host of an
 * environment, in the user's own terminal. It speaks the web terminal's protocol through an in-process
 * gateway (local-gateway.ts), so it attaches to the same tmux session a browser would: leave with the
 * shell's `exit`, or detach with tmux's prefix + d and come back later.
 */
import { EXIT, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { TerminalClient } from "../terminal/client";
import { attachToLocalTerminal } from "../terminal/local-terminal";
import { isValidTerminalId } from "../terminal/tmux";
import type { CliDeps } from "./deps";
import { findHost } from "./listing";
import { LOCAL_ORIGIN, startLocalGateway } from "./local-gateway";

const USAGE = "usage: praxis env shell <id> [--host <name>] [--terminal <name>]\n";

export async function envShell(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env shell", argv, { host: { type: "string" }, terminal: { type: "string" } }, 1);
  const [id] = args.positionals;
  if (args.help || !id) {
    (args.help ? io.stdout : io.stderr).write(USAGE);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  const terminalId = (args.flags.terminal as string | undefined) ?? "main";
  if (!isValidTerminalId(terminalId)) {
    io.stderr.write(`env shell: --terminal must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}, got "${terminalId}"\n`);
    return EXIT.usage;
  }
  if (!deps.terminal) {
    io.stderr.write("env shell: needs an interactive terminal\n");
    return EXIT.failure;
  }
  const host = await findHost(deps.runtime, "env shell", id, args.flags.host as string | undefined, io.stderr);
  if (typeof host === "number") return host;
  if (host.state !== "running") {
    io.stderr.write(`env shell: host "${host.name}" of environment ${id} is not running (${host.state})\n`);
    return EXIT.failure;
  }
  const gateway = await startLocalGateway(deps.runtime, async (sid, name) => (sid === id && name === host.name ? host.containerId : null));
  try {
    const client = await TerminalClient.connect(gateway.urlFor(id, host.name, terminalId), { origin: LOCAL_ORIGIN, autoAck: false });
    return await attachToLocalTerminal(client, deps.terminal);
  } finally {
    await gateway.close();
  }
}
