/**
 * `praxis grade` on real Docker with the sample lab test/fixtures/labs-grade/static-site: its partial
 * submission earns partial credit (3 of 8 points, check by check), its complete one full marks, and the
 * classroom format decodes to what GitHub Classroom's reporter reads. No environment is left behind.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import type { CliIo } from "../../labs/cli/command";
import { cliDeps } from "../cli/deps";
import { LABEL } from "../docker/labels";
import { labRunDeps } from "../testing/deps";
import { gradeCommand } from "./grade-command";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LAB = path.join(ROOT, "test/fixtures/labs-grade/static-site");

async function praxisGrade(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: ROOT, env: { ...process.env, GITHUB_WORKSPACE: undefined }, repoRoot: ROOT };
  const code = await gradeCommand((cli) => labRunDeps(cli, cliDeps(cli))).run(argv, io);
  return { code, out: out.join(""), err: err.join(""), io };
}

describe("praxis grade (integration)", { timeout: 120_000 }, () => {
  it("grades the partial sample submission with partial credit", async () => {
    const r = await praxisGrade([LAB, "--submission", path.join(LAB, "submissions/partial"), "--format", "json"]);
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out) as { environmentId: string; score: { earned: number; max: number }; checks: { name: string; points: number; message: string }[]; submission: { file: string; status: string }[] };
    assert.deepEqual(result.score, { earned: 3, max: 8 });
    assert.deepEqual(
      result.checks.map((c) => [c.name, c.points, c.message]),
      [
        ["index.html has a title", 2, ""],
        ["index.html greets visitors with a heading", 0, "/srv/site/index.html needs an <h1> heading"],
        ["the server listens on port 8080", 0, "/etc/site.conf should say port = 8080"],
        ["the document root is /srv/site", 1, ""],
        ["robots.txt keeps crawlers out", 0, "/srv/site/robots.txt should disallow everything"],
      ],
    );
    assert.deepEqual(result.submission.map((s) => `${s.file} ${s.status}`), ["index.html applied", "site.conf applied", "robots.txt missing"]);
    assert.match(result.environmentId, /^[0-9a-f]{10}$/);
    assert.deepEqual(await cliDeps(r.io).runtime.listContainers({ [LABEL.session]: result.environmentId }), []);
  });

  it("gives the complete submission full marks, in GitHub Classroom's format", async () => {
    const r = await praxisGrade([LAB, "--submission", path.join(LAB, "submissions/complete"), "--format", "classroom"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^[A-Za-z0-9+/]+=*\n$/);
    const result = JSON.parse(Buffer.from(r.out.trim(), "base64").toString("utf8")) as { version: number; status: string; max_score: number; tests: { name: string; status: string; score: number; filename: string; line_no: number }[] };
    assert.equal(result.version, 1);
    assert.equal(result.status, "pass");
    assert.equal(result.max_score, 8);
    assert.deepEqual(result.tests.map((t) => [t.name, t.status, t.score]), [
      ["page: index.html has a title", "pass", 2],
      ["page: index.html greets visitors with a heading", "pass", 1],
      ["config: the server listens on port 8080", "pass", 3],
      ["config: the document root is /srv/site", "pass", 1],
      ["config: robots.txt keeps crawlers out", "pass", 1],
    ]);
    assert.equal(result.tests[0]?.filename, "test/fixtures/labs-grade/static-site/lab.yaml");
    assert.equal(result.tests[0]?.line_no, 21);
  });

  it("a missing submission directory cannot be graded: exit 1 and, for classroom, an error result", async () => {
    const r = await praxisGrade([LAB, "--submission", path.join(LAB, "submissions/none"), "--format", "classroom"]);
    assert.equal(r.code, 1);
    assert.match(r.err, /the submission .*submissions\/none is not a directory/);
    const result = JSON.parse(Buffer.from(r.out.trim(), "base64").toString("utf8")) as { status: string; max_score: number };
    assert.deepEqual([result.status, result.max_score], ["error", 8]);
  });
});
