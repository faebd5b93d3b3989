/**
 * The `praxis test` command around testLab, with FakeEnvironments: which labs it tests, what it writes
 * where (table or JSON on stdout, progress on stderr, JUnit to a file, annotations only on GitHub), and
 * its exit codes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Lab } from "../../labs/index";
import type { CliIo } from "../../labs/cli/command";
import { LabNotLoadable } from "../cli/deps";
import type { LabRunDeps } from "./deps";
import { FakeEnvironments } from "./fake-environments";
import { fakeLab } from "./fake-labs";
import { testCommand } from "./test-command";

const good = fakeLab("good", [{ id: "one", checks: ["require one"], solve: "set one" }]);
const broken = fakeLab("broken", [{ id: "one", checks: ["echo passes anyway"], solve: "set one" }]);
const LAB_YAML = "apiVersion: praxis.dev/v1alpha1\nkind: Lab\nsteps:\n  - id: one\n    checks:\n      - kind: script\n        run: x\n";

function harness(labs: Lab[], env: Record<string, string> = {}) {
  const written = new Map<string, string>();
  const deps: LabRunDeps = {
    environments: new FakeEnvironments(),
    loadLab: async (name) => {
      const lab = labs.find((l) => l.metadata.id === name);
      if (!lab) throw new LabNotLoadable(`no lab "${name}"`);
      return lab;
    },
    loadAllLabs: async () => ({ labs, diagnostics: [{ file: "/labs/bad/lab.yaml", line: 3, column: 1, message: "missing required field `title`" }] }),
    readText: async () => LAB_YAML,
    writeText: async (file, text) => void written.set(file, text),
    openSubmission: async () => {
      throw new Error("not used");
    },
  };
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: "/labs", env, repoRoot: "/repo" };
    const code = await testCommand(() => deps).run(argv, io);
    return { code, out: out.join(""), err: err.join("") };
  };
  return { run, written };
}

describe("praxis test (command)", () => {
  it("tests the named labs: table on stdout, progress on stderr, JUnit to a file; exit 0 when all pass", async () => {
    const { run, written } = harness([good, broken]);
    const r = await run("good", "--junit", "reports/junit.xml");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^LAB   STEP  PHASE/);
    assert.match(r.out, /\n✓ 1 lab passed in /);
    assert.match(r.err, /^▶ good\n  good: fake environment ready\n✓ good › provision \(/);
    assert.match(r.err, /JUnit report written to reports\/junit\.xml/);
    assert.match(written.get("/labs/reports/junit.xml") ?? "", /<testsuite name="good" tests="5" failures="0"/);
    assert.doesNotMatch(r.out, /::error/);
  });

  it("a broken lab exits 1; on GitHub Actions its problems are annotated at their line", async () => {
    const { run } = harness([good, broken], { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/" });
    const r = await run("broken");
    assert.equal(r.code, 1);
    assert.match(r.out, /^::error file=labs\/broken\/lab\.yaml,line=6,col=9,title=praxis test%3A broken › one › checks fail before solve::check "one check 1" already passes/m);
    assert.match(r.out, /✗ 1 of 1 lab failed/);
  });

  it("without names tests every configured lab and counts labs that do not load as failures", async () => {
    const { run } = harness([good]);
    const r = await run("--json");
    assert.equal(r.code, 1);
    assert.match(r.err, /^bad\/lab\.yaml:3:1: missing required field `title`$/m);
    const report = JSON.parse(r.out) as { passed: boolean; notLoaded: number; labs: { id: string; passed: boolean; phases: unknown[] }[] };
    assert.deepEqual([report.passed, report.notLoaded, report.labs.map((l) => [l.id, l.passed, l.phases.length])], [false, 1, [["good", true, 5]]]);
  });

  it("an unknown lab name is reported and fails the run; an unknown flag is a usage error", async () => {
    const { run } = harness([good]);
    const r = await run("good", "nope");
    assert.equal(r.code, 1);
    assert.match(r.err, /praxis test: no lab "nope"/);
    await assert.rejects(run("--kep-on-failure"), /unknown flag `--kep-on-failure`; did you mean `--keep-on-failure`\?/);
  });
});
