/** The pure progress model: derived locking, the current step, last runs with weights, and the score. */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Lab } from "../../../labs/index";
import { playerLab } from "./fixtures/load";
import { lastChecks, progressView, sameOutcome, stepStatuses, type RunRecord, type StepRecord } from "./progress-model";

const record = (stepId: string, status: string, extra: Partial<StepRecord> = {}): StepRecord => ({
  stepId, status, attempts: 0, hintsUsed: 0, solutionRevealed: false, startedAt: null, passedAt: null, ...extra,
});
const run = (stepId: string, runId: string, checkName: string, passed: boolean, at: number, message = ""): RunRecord => ({
  stepId, runId, checkName, passed, message: message || null, createdAt: new Date(at),
});

describe("progress model", () => {
  let lab: Lab;
  before(async () => {
    lab = await playerLab();
  });

  it("opens only the first step of a fresh session, and each next step once the one before is done", () => {
    assert.deepEqual(stepStatuses(lab.steps, new Map()), ["active", "locked", "locked"]);
    assert.deepEqual(stepStatuses(lab.steps, new Map([["one", record("one", "passed")]])), ["passed", "active", "locked"]);
    assert.deepEqual(stepStatuses(lab.steps, new Map([["one", record("one", "passed")], ["two", record("two", "skipped")]])), ["passed", "skipped", "active"]);
    // A stored "locked" or stale "active" row never opens a step out of order.
    assert.deepEqual(stepStatuses(lab.steps, new Map([["three", record("three", "active")]])), ["active", "locked", "locked"]);
  });

  it("takes each step's newest run, orders its checks as the lab does and weighs them", () => {
    const runs = [
      run("one", "r1", "second file", false, 1000, "missing"),
      run("one", "r1", "first file", false, 1000, "missing"),
      run("one", "r2", "second file", true, 2000),
      run("one", "r2", "first file", false, 2000, "one-a is missing"),
      run("one", "r2", "renamed since", true, 2000),
    ];
    const last = lastChecks(lab.steps, runs).get("one");
    assert.deepEqual(last, {
      passed: false,
      at: new Date(2000).toISOString(),
      checks: [
        { name: "first file", passed: false, message: "one-a is missing", weight: 2 },
        { name: "second file", passed: true, message: "", weight: 1 },
        { name: "renamed since", passed: true, message: "", weight: 1 },
      ],
    });
  });

  it("scores passed steps fully, the open step by its last run, skipped steps with nothing", () => {
    const view = progressView({
      sessionId: "s1",
      lab,
      records: [record("one", "skipped", { passedAt: new Date(5000) }), record("two", "active", { attempts: 2, startedAt: new Date(6000) })],
      runs: [run("two", "r9", "third file", true, 7000)],
    });
    assert.deepEqual(view.score, { earned: 3, max: 7 });
    assert.equal(view.currentStepId, "two");
    assert.equal(view.finished, false);
    assert.deepEqual(view.steps.map((s) => [s.stepId, s.status, s.attempts, s.hintsTotal]), [["one", "skipped", 0, 2], ["two", "active", 2, 0], ["three", "locked", 0, 0]]);
    assert.equal(view.steps[1]!.startedAt, new Date(6000).toISOString());
    assert.equal(view.steps[0]!.passedAt, new Date(5000).toISOString());

    const done = progressView({ sessionId: "s1", lab, records: ["one", "two", "three"].map((id) => record(id, "passed")), runs: [] });
    assert.deepEqual([done.finished, done.currentStepId, done.score], [true, null, { earned: 7, max: 7 }]);
  });

  it("compares runs regardless of order", () => {
    const a = [{ name: "x", passed: true, message: "" }, { name: "y", passed: false, message: "m" }];
    assert.equal(sameOutcome(a, [...a].reverse()), true);
    assert.equal(sameOutcome(a, [a[0]!, { ...a[1]!, message: "other" }]), false);
    assert.equal(sameOutcome(a, [a[0]!]), false);
  });
});
