/** `praxis env ls [--json]`: every Praxis environment on this Docker engine, read from labels. */
import { EXIT, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import type { CliDeps } from "./deps";
import { labelledSessions } from "./listing";

export async function envLs(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env ls", argv, { json: { type: "boolean" } }, 0);
  if (args.help) {
    io.stdout.write("usage: praxis env ls [--json]\n");
    return EXIT.ok;
  }
  const sessions = await labelledSessions(deps.runtime);
  if (args.flags.json) {
    io.stdout.write(`${JSON.stringify(sessions)}\n`);
    return EXIT.ok;
  }
  if (sessions.length === 0) {
    io.stdout.write("no environments\n");
    return EXIT.ok;
  }
  const rows = [["ID", "LAB", "RUNNER", "HOSTS", "CLUSTER", "EXPIRES"]];
  for (const s of sessions) {
    rows.push([s.id, s.lab, s.runner, s.hosts.map((h) => (h.state === "running" ? h.name : `${h.name}(${h.state})`)).join(","), s.cluster ? `${s.cluster.name} (${s.cluster.nodes} node${s.cluster.nodes === 1 ? "" : "s"})` : "-", s.expiresAt ?? "-"]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) io.stdout.write(`${r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()}\n`);
  return EXIT.ok;
}
