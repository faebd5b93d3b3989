/**
 * `praxis env up <lab> [--json] [--ttl <minutes>]`: provisions a lab's environment from the command
 * line (no web server involved) and prints its session id. Progress goes to stderr so `--json` output
 * on stdout stays machine-readable. CLI sessions carry runner id "cli" and an expiry label; `env ls`
 * shows them and `env down` removes them.
 */
import { EXIT, printUsage, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { LABEL } from "../docker/labels";
import { imageEnsurer } from "../images/builder";
import { newContext } from "../provision/context";
import { provision } from "../provision/provision";
import { CLI_RUNNER_ID, type CliDeps } from "./deps";

const DEFAULT_TTL_MINUTES = 120;

export async function envUp(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env up", argv, { json: { type: "boolean" }, ttl: { type: "string" } }, 1);
  const [labArg] = args.positionals;
  if (args.help || !labArg) return printUsage(io, "usage: praxis env up <lab-id|lab-dir> [--json] [--ttl <minutes>]\n", Boolean(args.help));
  const ttl = Number(args.flags.ttl ?? DEFAULT_TTL_MINUTES);
  if (!Number.isFinite(ttl) || ttl <= 0) {
    io.stderr.write(`env up: --ttl must be a positive number of minutes, got "${String(args.flags.ttl)}"\n`);
    return EXIT.usage;
  }
  const spec = await deps.loadSpec(labArg);
  const id = deps.newId();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + ttl * 60_000).toISOString();
  const ctx = newContext({
    runtime: deps.runtime,
    spec,
    ensureImage: imageEnsurer(deps.runtime, deps.imagesDir),
    session: {
      sessionId: id,
      labId: spec.labId,
      runnerId: CLI_RUNNER_ID,
      extraLabels: { [LABEL.createdAt]: now.toISOString(), [LABEL.expiresAt]: expiresAt },
    },
  });
  await provision(ctx, {
    onEvent: (e) => {
      if (e.status === "progress" && e.message) io.stderr.write(`  ${e.step}: ${e.message}\n`);
      if (e.status === "done") io.stderr.write(`✓ ${e.step} (${(e.elapsedMs / 1000).toFixed(1)}s)\n`);
      if (e.status === "failed") io.stderr.write(`✗ ${e.step}: ${e.message}\n`);
    },
  });
  const hosts = [...ctx.containers].map(([name, containerId]) => ({ name, containerId }));
  const cluster = ctx.cluster && { name: ctx.cluster.name, nodes: ctx.cluster.nodes.map((n) => n.name) };
  if (args.flags.json) io.stdout.write(`${JSON.stringify({ id, lab: spec.labId, expiresAt, hosts, ...(cluster && { cluster }) })}\n`);
  else io.stdout.write(`${id}\n`);
  return EXIT.ok;
}
