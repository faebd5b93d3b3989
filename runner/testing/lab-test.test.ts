/**
 * testLab against FakeEnvironments: the phases a learner's walk through a lab is split into, what counts
 * as a broken lab (a check passing before solve, a solve that does not satisfy its checks, a step without
 * solve), what is skipped after a failure, single attempts before solve, and --keep-on-failure.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeEnvironments } from "./fake-environments";
import { fakeLab } from "./fake-labs";
import { testLab } from "./lab-test";
import type { LabTestResult } from "./results";

const opts = { keepOnFailure: false, labFile: "/labs/x/lab.yaml" };
const summary = (r: LabTestResult) => r.phases.map((p) => `${p.step?.id ?? "-"} ${p.phase} ${p.status}`);

describe("testLab", () => {
  it("walks a good lab: setup (from step 2), fail before solve, solve, pass after solve; tears down", async () => {
    const envs = new FakeEnvironments();
    const lab = fakeLab("good", [
      { id: "one", setup: ["set one-ready"], checks: ["require one-ready\nrequire one"], solve: "set one" },
      { id: "two", setup: ["set two-ready"], checks: ["require two", "require two-ready\nrequire one\nrequire two"], solve: "set two" },
      { id: "read" },
    ]);
    const result = await testLab(lab, envs, opts);
    assert.deepEqual(summary(result), [
      "- provision passed",
      "one fail-before-solve passed",
      "one solve passed",
      "one pass-after-solve passed",
      "two setup passed",
      "two fail-before-solve passed",
      "two solve passed",
      "two pass-after-solve passed",
      "- teardown passed",
    ]);
    assert.equal(result.passed, true);
    assert.equal(envs.live.size, 0);
    // The first step's setup ran while provisioning, once; checks before solve ran once each, after solve with retries.
    assert.deepEqual(envs.log.filter((l) => l.startsWith("script")), ["script ws: set one-ready", "script ws: set one", "script ws: set two-ready", "script ws: set two"]);
    assert.deepEqual(envs.log.filter((l) => l.startsWith("check two")), ["check two check 1 (once)", "check two check 2 (once)", "check two check 1 (retry)", "check two check 2 (retry)"]);
  });

  it("reports a check that passes before solve at the check, and keeps going", async () => {
    const envs = new FakeEnvironments();
    const lab = fakeLab("broken", [
      { id: "one", checks: ["require one", "echo always fine"], solve: "set one" },
      { id: "two", checks: ["require two"], solve: "set two" },
    ]);
    const result = await testLab(lab, envs, opts);
    assert.equal(result.passed, false);
    const phase = result.phases.find((p) => p.phase === "fail-before-solve" && p.step?.id === "one")!;
    assert.equal(phase.status, "failed");
    assert.deepEqual(phase.problems, [
      { message: 'check "one check 2" already passes before step one is solved: it cannot tell whether the learner did anything (broken lab)', at: ["steps", 0, "checks", 1] },
    ]);
    assert.equal(result.phases.find((p) => p.step?.id === "two" && p.phase === "pass-after-solve")?.status, "passed");
  });

  it("reports a solve that does not satisfy a check with the check's message, and skips what follows", async () => {
    const envs = new FakeEnvironments();
    const lab = fakeLab("broken", [
      { id: "one", checks: ["require one", "require other"], solve: "set one" },
      { id: "two", setup: ["set x"], checks: ["require two"], solve: "set two" },
    ]);
    const result = await testLab(lab, envs, opts);
    assert.deepEqual(summary(result).slice(2), [
      "one solve passed",
      "one pass-after-solve failed",
      "two setup skipped",
      "two fail-before-solve skipped",
      "two solve skipped",
      "two pass-after-solve skipped",
      "- teardown passed",
    ]);
    const failed = result.phases.find((p) => p.status === "failed")!;
    assert.deepEqual(failed.problems, [{ message: 'check "one check 2" still fails after solve: other is missing', at: ["steps", 0, "checks", 1] }]);
    assert.equal(result.phases.find((p) => p.step?.id === "two")?.note, "skipped: one › checks pass after solve did not pass");
    assert.ok(!envs.log.includes("script ws: set x"), "the later step's setup did not run");
  });

  it("fails a step that has checks but no solve; a failing solve or setup shows its exit code and output", async () => {
    const noSolve = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"] }]), new FakeEnvironments(), opts);
    assert.deepEqual(noSolve.phases.find((p) => p.phase === "solve")?.problems, [
      { message: "step one has checks but no `solve` script, so nothing shows its checks can pass; add one", at: ["steps", 0] },
    ]);
    const badSolve = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"], solve: "echo oops\nexit 3" }]), new FakeEnvironments(), opts);
    assert.deepEqual(badSolve.phases.find((p) => p.phase === "solve")?.problems, [{ message: "solve script on ws exited with 3:\noops", at: ["steps", 0, "solve"] }]);
    const badSetup = await testLab(fakeLab("x", [{ id: "one" }, { id: "two", setup: ["set a", "exit 1"] }]), new FakeEnvironments(), opts);
    assert.deepEqual(badSetup.phases.find((p) => p.phase === "setup")?.problems, [{ message: "setup script #2 on ws exited with 1", at: ["steps", 1, "setup", 1] }]);
  });

  it("a provisioning failure fails the lab and skips every step", async () => {
    const envs = new FakeEnvironments();
    envs.failUp = "start-hosts: image praxis/nope:latest not found";
    const result = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"], solve: "set one" }]), envs, opts);
    assert.deepEqual(summary(result), ["- provision failed", "one fail-before-solve skipped", "one solve skipped", "one pass-after-solve skipped"]);
    assert.equal(result.phases[0]?.problems[0]?.message, "provisioning failed: start-hosts: image praxis/nope:latest not found");
  });

  it("--keep-on-failure keeps a failed lab's environment and still removes a passing one", async () => {
    const envs = new FakeEnvironments();
    const failed = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"], solve: "set two" }]), envs, { ...opts, keepOnFailure: true });
    assert.equal(failed.keptEnvironment, "fake1");
    assert.ok(envs.live.has("fake1"));
    assert.equal(failed.phases.some((p) => p.phase === "teardown"), false);
    const passed = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"], solve: "set one" }]), envs, { ...opts, keepOnFailure: true });
    assert.equal(passed.keptEnvironment, undefined);
    assert.equal(envs.live.has("fake2"), false);
  });

  it("times phases with the injected clock", async () => {
    let now = 1000;
    const clock = () => (now += 250);
    const result = await testLab(fakeLab("x", [{ id: "one", checks: ["require one"], solve: "set one" }]), new FakeEnvironments(), { ...opts, clock });
    assert.deepEqual(result.phases.map((p) => p.durationMs), [250, 250, 250, 250, 250]);
    assert.equal(result.startedAt.getTime(), 1250);
  });
});
