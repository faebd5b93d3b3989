/**
 * `praxis test [lab…] [--junit <file>] [--keep-on-failure] [--json]`: tests labs for real (lab-test.ts),
 * one after the other. Progress goes to stderr as it happens; the table (or --json) to stdout at the end,
 * with GitHub Actions annotations too when GITHUB_ACTIONS=true. Exit 1 when any lab failed or did not load.
 */
import path from "node:path";
import type { Lab } from "../../labs/index";
import { parseCommandArgs } from "../../labs/cli/args";
import { EXIT, type CliIo, type Command } from "../../labs/cli/command";
import { displayDiagnostic, displayPath } from "../../labs/cli/paths";
import { LabNotLoadable } from "../cli/deps";
import { githubAnnotations } from "./annotations";
import type { LabRunDeps } from "./deps";
import { junitXml } from "./junit";
import { testLab } from "./lab-test";
import { locatorFor, type Locate } from "./locate";
import { formatReport, seconds } from "./report-table";
import { phaseLabel, type LabTestResult } from "./results";

const USAGE = `usage: praxis test [lab…] [--junit <file>] [--keep-on-failure] [--json]

Provisions each lab for real and walks its steps: runs the step's setup, checks that its checks FAIL
on the untouched environment, runs its solve script, checks that they PASS. A lab is an id from
PRAXIS_LABS_DIRS or a lab directory; without labs, every lab in PRAXIS_LABS_DIRS is tested.

  --junit <file>       also write a JUnit XML report (one testsuite per lab, one testcase per phase)
  --keep-on-failure    keep the environment of a failed lab and print how to open a shell in it
  --json               print the results as JSON instead of a table

Exit codes: 0 every lab passed, 1 a lab failed or could not be loaded, 2 usage error.
`;

export function testCommand(makeDeps: (io: CliIo) => LabRunDeps): Command {
  return {
    name: "test",
    summary: "test labs for real: checks fail before solve and pass after it (CI)",
    usage: USAGE,
    async run(argv, io) {
      const args = parseCommandArgs("test", argv, { junit: { type: "string" }, "keep-on-failure": { type: "boolean" }, json: { type: "boolean" } });
      if (args.help) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      const deps = makeDeps(io);
      const loaded = await loadWanted(args.positionals, deps, io);
      if (loaded.labs.length === 0 && loaded.broken === 0) {
        io.stderr.write("praxis test: no labs to test\n");
        return EXIT.failure;
      }

      const results: LabTestResult[] = [];
      for (const lab of loaded.labs) {
        io.stderr.write(`▶ ${lab.metadata.id}\n`);
        results.push(
          await testLab(lab, deps.environments, {
            keepOnFailure: args.flags["keep-on-failure"] === true,
            labFile: path.join(lab.dir, "lab.yaml"),
            onProgress: (line) => io.stderr.write(`  ${line}\n`),
            onPhase: (labId, phase) => {
              if (phase.status === "skipped") return;
              const mark = phase.status === "passed" ? "✓" : "✗";
              io.stderr.write(`${mark} ${phaseLabel(labId, phase)} (${seconds(phase.durationMs)})\n`);
            },
          }),
        );
      }

      const locate = await locatorFor(results.map((r) => r.labFile), deps.readText);
      const display = (file: string) => displayPath(file, io.cwd);
      if (typeof args.flags.junit === "string") {
        const file = path.resolve(io.cwd, args.flags.junit);
        await deps.writeText(file, junitXml(results, locate, display));
        io.stderr.write(`JUnit report written to ${display(file)}\n`);
      }
      if (io.env.GITHUB_ACTIONS === "true") {
        const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
        io.stdout.write(githubAnnotations(results, locate, (file) => path.relative(workspace, file).split(path.sep).join("/")));
      }
      io.stdout.write(args.flags.json ? `${JSON.stringify(jsonReport(results, locate, display, loaded.broken))}\n` : formatReport(results, locate, display));
      return results.every((r) => r.passed) && loaded.broken === 0 ? EXIT.ok : EXIT.failure;
    },
  };
}

/** The labs named on the command line, or all configured ones; problems of labs that do not load are printed. */
async function loadWanted(names: string[], deps: LabRunDeps, io: CliIo): Promise<{ labs: Lab[]; broken: number }> {
  if (names.length === 0) {
    const { labs, diagnostics } = await deps.loadAllLabs();
    for (const d of diagnostics) io.stderr.write(`${displayDiagnostic(d, io.cwd)}\n`);
    return { labs, broken: new Set(diagnostics.map((d) => path.dirname(d.file))).size };
  }
  const labs: Lab[] = [];
  let broken = 0;
  for (const name of names) {
    try {
      labs.push(await deps.loadLab(name));
    } catch (error) {
      if (!(error instanceof LabNotLoadable)) throw error;
      io.stderr.write(`praxis test: ${error.message}\n`);
      broken++;
    }
  }
  return { labs, broken };
}

/** What `praxis test --json` prints. */
export type TestJsonReport = ReturnType<typeof jsonReport>;

function jsonReport(results: readonly LabTestResult[], locate: Locate, display: (file: string) => string, broken: number) {
  return {
    passed: results.every((r) => r.passed) && broken === 0,
    notLoaded: broken,
    labs: results.map((r) => ({
      id: r.labId,
      file: display(r.labFile),
      passed: r.passed,
      durationMs: r.durationMs,
      ...(r.keptEnvironment && { keptEnvironment: r.keptEnvironment }),
      phases: r.phases.map((p) => ({
        step: p.step?.id ?? null,
        phase: p.phase,
        status: p.status,
        durationMs: p.durationMs,
        ...(p.note && { note: p.note }),
        problems: p.problems.map((problem) => ({ message: problem.message, line: locate(r.labFile, problem.at).line })),
      })),
    })),
  };
}
