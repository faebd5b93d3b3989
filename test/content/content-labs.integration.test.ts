/**
 * Every content lab passes `praxis test` (real Docker; first-deployment also needs the kind node image,
 * which `npm test` builds). This is how CI proves the labs under content/labs work end to end: each step's
 * checks fail on the untouched environment and pass after its solve script. One file on purpose, so its
 * duration shows on its own line of the test report.
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import type { CliIo } from "../../labs/cli/command";
import { cliDeps } from "../../runner/cli/deps";
import { labRunDeps } from "../../runner/testing/deps";
import { testCommand, type TestJsonReport } from "../../runner/testing/test-command";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("content labs under praxis test (integration)", { timeout: 900_000 }, () => {
  it("every lab in content/labs passes", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      cwd: ROOT,
      // No PRAXIS_LABS_DIRS: the default, content/labs, and no GitHub annotations in the output.
      env: { ...process.env, PRAXIS_LABS_DIRS: undefined, GITHUB_ACTIONS: undefined },
      repoRoot: ROOT,
    };
    const code = await testCommand((cli) => labRunDeps(cli, cliDeps(cli))).run(["--json"], io);
    const report = JSON.parse(out.join("")) as TestJsonReport;
    const expected = (await readdir(path.join(ROOT, "content/labs"), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    assert.deepEqual(report.labs.map((l) => l.id).sort(), expected, "every content lab was tested");
    // The failed phases come last, so a log that keeps only the tail of this message still names them.
    assert.equal(code, 0, `${err.join("")}\n${failedPhases(report)}`);
    for (const lab of report.labs) assert.ok(lab.passed, `${lab.id} failed`);
    process.stderr.write(report.labs.map((l) => `  ${l.id}: ${(l.durationMs / 1000).toFixed(1)}s\n`).join(""));
  });
});

function failedPhases(report: TestJsonReport): string {
  const lines = report.labs.flatMap((lab) =>
    lab.phases
      .filter((p) => p.status === "failed" || p.status === "error")
      .map((p) => `✗ ${lab.id} › ${p.step ?? "-"} › ${p.phase} ${p.status}${p.note ? ` (${p.note})` : ""}\n${p.problems.map((x) => `    ${x.message}`).join("\n")}`),
  );
  return `failed phases:\n${lines.join("\n")}`;
}
