/**
 * `praxis list [--json]`: the labs in PRAXIS_LABS_DIRS as a table, or as JSON for scripts. Labs with
 * problems are left out and reported on stderr (exit 1), so the listing itself is always trustworthy.
 */
import { labDirsFromEnv, labSummary, loadLabs } from "../../index";
import { parseCommandArgs } from "../args";
import { EXIT, type Command } from "../command";
import { displayDiagnostic, displayPath } from "../paths";

const usage = `Usage: praxis list [--json]

Lists the labs found in PRAXIS_LABS_DIRS (default: content/labs).

Options:
  --json   print a JSON array (id, title, summary, topics, difficulty, estimatedMinutes,
           needsCluster, hosts, steps, dir) instead of a table

Exit codes: 0 ok, 1 some labs have problems (they are listed on stderr), 2 usage error.`;

export const listCommand: Command = {
  name: "list",
  summary: "list the available labs (--json for scripts)",
  usage,
  async run(argv, io) {
    const args = parseCommandArgs("list", argv, { json: { type: "boolean" } }, 0);
    if (args.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    const { labs, diagnostics } = await loadLabs(labDirsFromEnv(io.env, io.repoRoot));
    const summaries = labs.map(labSummary).sort((a, b) => a.id.localeCompare(b.id));
    if (args.flags.json) io.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
    else io.stdout.write(table([
      ["ID", "TITLE", "DIFFICULTY", "MINUTES", "CLUSTER", "TOPICS", "DIR"],
      ...summaries.map((s) => [s.id, s.title, s.difficulty, String(s.estimatedMinutes), s.needsCluster ? "yes" : "no", s.topics.join(","), displayPath(s.dir, io.cwd)]),
    ]));
    if (diagnostics.length === 0) return EXIT.ok;
    io.stderr.write(`praxis list: ${diagnostics.length} problem(s) in labs that are not listed; run \`praxis validate\`:\n`);
    for (const d of diagnostics) io.stderr.write(`${displayDiagnostic(d, io.cwd)}\n`);
    return EXIT.failure;
  },
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}
