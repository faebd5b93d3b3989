/**
 * `praxis validate [paths…]`: loads labs and prints every problem as file:line:col: message, then a
 * summary. A path may be one lab (a folder with lab.yaml) or a folder of labs; without paths it checks
 * every directory in PRAXIS_LABS_DIRS. Exit 1 on any problem, so it can gate CI.
 */
import path from "node:path";
import { labDirsFromEnv, loadLab, loadLabs, type Diagnostic, type Lab } from "../../index";
import { LAB_FILE, isFile } from "../../loader/load";
import { parseCommandArgs } from "../args";
import { EXIT, type Command } from "../command";
import { displayDiagnostic } from "../paths";

const usage = `Usage: praxis validate [paths…]

Checks labs and reports every problem as file:line:col: message.
Each path is a lab folder (containing ${LAB_FILE}) or a folder of lab folders.
Without paths, checks every directory in PRAXIS_LABS_DIRS (default: content/labs).

Exit codes: 0 all labs valid, 1 problems found, 2 usage error.`;

export const validateCommand: Command = {
  name: "validate",
  summary: "check labs and report every problem with file:line:col",
  usage,
  async run(argv, io) {
    const args = parseCommandArgs("validate", argv, {});
    if (args.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    const targets = args.positionals.length > 0 ? args.positionals.map((p) => path.resolve(io.cwd, p)) : undefined;
    const { labs, diagnostics } = targets ? await loadTargets(targets) : await loadLabs(labDirsFromEnv(io.env, io.repoRoot));
    for (const d of diagnostics) io.stdout.write(`${displayDiagnostic(d, io.cwd)}\n`);
    const broken = new Set(diagnostics.map((d) => path.dirname(d.file))).size;
    if (diagnostics.length === 0) {
      io.stdout.write(`✓ ${plural(labs.length, "lab")} valid\n`);
      return EXIT.ok;
    }
    io.stdout.write(`✗ ${plural(diagnostics.length, "problem")} in ${plural(broken, "lab")}; ${plural(labs.length, "lab")} valid\n`);
    return EXIT.failure;
  },
};

async function loadTargets(targets: string[]): Promise<{ labs: Lab[]; diagnostics: Diagnostic[] }> {
  const labs: Lab[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    if (await isFile(path.join(target, LAB_FILE))) {
      const result = await loadLab(target);
      if (result.lab) labs.push(result.lab);
      diagnostics.push(...result.diagnostics);
      continue;
    }
    const result = await loadLabs([target]);
    if (result.labs.length === 0 && result.diagnostics.length === 0) {
      diagnostics.push({ file: target, line: 1, column: 1, message: `no labs found (no ${LAB_FILE} here or in its sub-folders)` });
    }
    labs.push(...result.labs);
    diagnostics.push(...result.diagnostics);
  }
  return { labs, diagnostics };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
