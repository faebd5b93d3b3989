/** poll: passes as soon as an attempt passes, reports the last failure on timeout, and never overruns. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { poll } from "./poll";

describe("poll", () => {
  it("passes on the first attempt that holds", async () => {
    let tries = 0;
    const result = await poll(async () => (++tries === 3 ? { passed: true, message: "" } : { passed: false, message: `try ${tries}` }), { timeoutMs: 2000, intervalMs: 5 });
    assert.deepEqual([result.passed, result.message, result.attempts], [true, "", 3]);
  });

  it("reports the last failure when the time is up", async () => {
    let tries = 0;
    const result = await poll(async () => ({ passed: false, message: `try ${++tries}` }), { timeoutMs: 60, intervalMs: 20 });
    assert.equal(result.passed, false);
    assert.equal(result.message, `try ${result.attempts}`);
    assert.ok(result.attempts >= 2 && result.attempts <= 5, `${result.attempts} attempts`);
  });

  it("gives each attempt what is left of the check", async () => {
    const budgets: number[] = [];
    await poll(async (budget) => (budgets.push(budget), { passed: false, message: "no" }), { timeoutMs: 100, intervalMs: 40 });
    assert.ok(budgets[0]! <= 100 && budgets[0]! > 80);
    assert.ok(budgets.every((b, i) => i === 0 || b < budgets[i - 1]!));
  });

  it("stops at once on a permanent failure", async () => {
    const result = await poll(async () => ({ passed: false, message: "broken check", permanent: true }), { timeoutMs: 5000, intervalMs: 1 });
    assert.deepEqual([result.passed, result.message, result.attempts], [false, "broken check", 1]);
  });

  it("abandons an attempt that never settles at the hard deadline", async () => {
    const started = Date.now();
    const result = await poll(() => new Promise(() => {}), { timeoutMs: 50, intervalMs: 10, graceMs: 50 });
    assert.deepEqual([result.passed, result.message], [false, "the check did not finish within 1s"]);
    assert.ok(Date.now() - started < 1000);
  });

  it("turns a thrown error into a failed attempt", async () => {
    const result = await poll(async () => {
      throw new Error("container is not running");
    }, { timeoutMs: 1, intervalMs: 1 });
    assert.deepEqual([result.passed, result.message], [false, "could not run the check: container is not running"]);
  });

  it("says so when cancelled, and caps long messages", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const cancelled = await poll(async () => ({ passed: false, message: "x" }), { timeoutMs: 5000, intervalMs: 1000, signal: controller.signal });
    assert.equal(cancelled.message, "the check was cancelled");
    const long = await poll(async () => ({ passed: false, message: "y".repeat(50) }), { timeoutMs: 1, intervalMs: 1, messageCap: 10 });
    assert.equal(long.message, `${"y".repeat(9)}…`);
  });
});
