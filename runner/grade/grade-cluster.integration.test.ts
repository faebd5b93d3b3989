/**
 * `praxis grade` with `apply` on a real cluster (Docker + the kind node image): the sample submission of
 * content/labs/first-deployment is applied with kubectl from the workstation, and its one-replica
 * Deployment earns partial credit, with the kubernetes checks' own messages for what is missing.
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

describe("praxis grade on a cluster lab (integration)", { timeout: 300_000 }, () => {
  it("applies the sample submission's manifests and scores 2 of 5", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: ROOT, env: { ...process.env, PRAXIS_LABS_DIRS: undefined }, repoRoot: ROOT };
    const submission = path.join(ROOT, "content/labs/first-deployment/submissions/partial");
    const code = await gradeCommand((cli) => labRunDeps(cli, cliDeps(cli))).run(["first-deployment", "--submission", submission, "--format", "json"], io);
    assert.equal(code, 0, err.join(""));
    const result = JSON.parse(out.join("")) as { environmentId: string; score: { earned: number; max: number }; submission: { status: string }[]; checks: { name: string; passed: boolean; message: string }[] };
    assert.deepEqual(result.submission.map((s) => s.status), ["applied", "applied", "applied"]);
    assert.deepEqual(result.score, { earned: 2, max: 5 });
    assert.deepEqual(result.checks.map((c) => c.passed), [true, false, false, true, false]);
    assert.match(result.checks[1]!.message, /spec\.replicas: expected 2, got 1/);
    // Removed afterwards (other tests may run first-deployment at the same time: look for this one only).
    assert.deepEqual(await cliDeps(io).runtime.listContainers({ [LABEL.session]: result.environmentId }), []);
  });
});
