/**
 * `praxis test` on real Docker catches broken labs (fixtures in test/fixtures/labs-broken/): a check that
 * passes before solving, and a solve that does not satisfy its check. Run through the registered command
 * as a CI job would (GITHUB_ACTIONS=true, --junit), it exits 1, names each problem at its line of lab.yaml
 * in the table, the annotations and the JUnit report, and leaves no environment behind.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import type { CliIo } from "../../labs/cli/command";
import { cliDeps } from "../cli/deps";
import { LABEL } from "../docker/labels";
import { labRunDeps } from "./deps";
import { testCommand } from "./test-command";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BROKEN = path.join(ROOT, "test/fixtures/labs-broken");

async function praxisTest(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    cwd: ROOT,
    env: { ...process.env, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: ROOT },
    repoRoot: ROOT,
  };
  const code = await testCommand((cli) => labRunDeps(cli, cliDeps(cli))).run(argv, io);
  return { code, out: out.join(""), err: err.join(""), io };
}

describe("praxis test on broken labs (integration)", { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("fails both labs, each problem at its line, in the table, the annotations and JUnit", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "praxis-test-"));
    dirs.push(dir);
    const junit = path.join(dir, "report.xml");
    const r = await praxisTest([path.join(BROKEN, "check-passes-before-solve"), path.join(BROKEN, "solve-does-not-satisfy"), "--junit", junit]);
    assert.equal(r.code, 1, r.err);

    // (1) The check that passes on an untouched environment, at its line (lab.yaml line 23).
    const before = "test/fixtures/labs-broken/check-passes-before-solve/lab.yaml";
    assert.match(r.out, new RegExp(`✗ check-passes-before-solve › greet › checks fail before solve\\n  ${before}:23: check "the root directory exists" already passes before step greet is solved`));
    assert.match(r.out, new RegExp(`^::error file=${before},line=23,col=9,title=praxis test%3A check-passes-before-solve › greet › checks fail before solve::check "the root directory exists" already passes`, "m"));
    // Its other check fails before and passes after solve: only the broken one is reported.
    assert.doesNotMatch(r.out, /greeting\.txt says hello" already passes/);
    assert.match(r.out, /check-passes-before-solve\s+greet\s+checks pass after solve\s+ok/);

    // (2) The solve that does not satisfy its check: the check's own FAIL message, at the check (line 19).
    const solve = "test/fixtures/labs-broken/solve-does-not-satisfy/lab.yaml";
    assert.match(r.out, new RegExp(`${solve}:19: check "greeting.txt says hello" still fails after solve: /root/greeting.txt should contain hello`));
    assert.match(r.out, new RegExp(`^::error file=${solve},line=19,col=9,title=praxis test%3A solve-does-not-satisfy › greet › checks pass after solve::`, "m"));
    assert.match(r.out, /solve-does-not-satisfy\s+later\s+setup\s+skipped\s+-/);
    assert.match(r.out, /✗ 2 of 2 labs failed \(2 problems: check-passes-before-solve, solve-does-not-satisfy\)/);

    const xml = await readFile(junit, "utf8");
    assert.match(xml, /<testsuites name="praxis test" tests="14" failures="2" errors="0" skipped="4"/);
    assert.match(xml, /<testcase name="greet › checks fail before solve" classname="check-passes-before-solve" time="[\d.]+" file="test\/fixtures\/labs-broken\/check-passes-before-solve\/lab\.yaml" line="23">\n\s+<failure /);
    assert.match(xml, /<testcase name="later › setup" classname="solve-does-not-satisfy" time="0\.000" [^>]*>\n\s+<skipped /);

    // Nothing left behind.
    const runtime = cliDeps(r.io).runtime;
    const leftovers = [...(await runtime.listContainers({ [LABEL.lab]: "check-passes-before-solve" })), ...(await runtime.listContainers({ [LABEL.lab]: "solve-does-not-satisfy" }))];
    assert.deepEqual(leftovers.map((c) => c.name), []);
  });

  it("--keep-on-failure keeps the failed environment and says how to get into it", async () => {
    const r = await praxisTest([path.join(BROKEN, "solve-does-not-satisfy"), "--keep-on-failure", "--json"]);
    assert.equal(r.code, 1, r.err);
    const report = JSON.parse(r.out.split("\n").filter((l) => l.startsWith("{")).join("")) as { labs: { keptEnvironment?: string; passed: boolean }[] };
    const kept = report.labs[0]?.keptEnvironment;
    assert.ok(kept, r.out);
    const runtime = cliDeps(r.io).runtime;
    try {
      const [host] = await runtime.listContainers({ [LABEL.session]: kept });
      assert.equal(host?.state, "running");
      // The environment is where the failed solve left it: the learner's view of what went wrong.
      const cat = await runtime.exec(host!.id, { cmd: ["cat", "/root/greeting.txt"] });
      assert.equal(cat.stdout, "goodbye\n");
    } finally {
      const down = await (await import("../cli/env-down")).envDown([kept], r.io, cliDeps(r.io));
      assert.equal(down, 0);
    }
  });
});
