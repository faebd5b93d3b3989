/** runScriptCheck message rules (Instruqt's FAIL: convention) and timeout reporting, on the fake runtime. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import type { ExecResult } from "../docker/runtime";
import { CHECK_OUTPUT_CAP, failureMessage, runScriptCheck } from "./script-check";

async function withScriptResult(result: Partial<ExecResult> | (() => Partial<ExecResult> | Promise<Partial<ExecResult>>)) {
  const rt = new FakeRuntime({ images: ["img"] });
  const seen: string[][] = [];
  rt.onExec((call) => (seen.push(call.cmd), typeof result === "function" ? result() : result));
  await rt.createNetwork({ name: "n", labels: {}, internal: true });
  const c = await rt.createContainer({
    name: "c", image: "img", hostname: "c", labels: {}, env: {}, network: { name: "n", aliases: [] }, privileged: false,
    capAdd: [], capDrop: [], securityOpt: [], resources: { nanoCpus: 1, memoryBytes: 1, pids: 1 }, init: false,
  });
  await rt.startContainer(c.id);
  return {
    check: (timeoutMs = 10_000, retry: { retries?: number; intervalMs?: number } = {}) => runScriptCheck(rt, c.id, "test -f /x", { timeoutMs, ...retry }),
    seen,
  };
}

describe("runScriptCheck", () => {
  it("passes on exit 0 and runs the script under timeout", async () => {
    const { check, seen } = await withScriptResult({ exitCode: 0, stdout: "fine\n" });
    const r = await check(2500);
    assert.deepEqual([r.passed, r.exitCode, r.message, r.output], [true, 0, "", "fine\n"]);
    assert.deepEqual(seen[0]?.slice(0, 4), ["timeout", "-k", "2", "3"]);
  });

  it("joins FAIL: lines into the message", async () => {
    const { check } = await withScriptResult({ exitCode: 1, stdout: "checking\nFAIL: nginx is not running\n", stderr: "FAIL: port 80 is closed\nnoise\n" });
    assert.equal((await check()).message, "nginx is not running\nport 80 is closed");
  });

  it("falls back to the last stderr line, then to the exit code", () => {
    assert.equal(failureMessage("", "warning\ncat: /x: No such file\n\n", 1), "cat: /x: No such file");
    assert.equal(failureMessage("out\n", "", 4), "check failed with exit code 4");
  });

  it("reports a timeout", async () => {
    const { check } = await withScriptResult({ exitCode: -1, timedOut: true });
    const r = await check(5000);
    assert.deepEqual([r.passed, r.message], [false, "check timed out after 5s"]);
  });

  it("reads busybox timeout's exit code 143 at the deadline as a timeout, and an early 143 as the script's own", async () => {
    const late = await withScriptResult(() => new Promise<Partial<ExecResult>>((resolve) => setTimeout(() => resolve({ exitCode: 143 }), 1050)));
    const timedOut = await late.check(1000);
    assert.deepEqual([timedOut.passed, timedOut.message], [false, "check timed out after 1s"]);
    const early = await withScriptResult({ exitCode: 143 });
    assert.equal((await early.check(1000)).message, "check failed with exit code 143");
  });

  it("caps the output at 64 KiB", async () => {
    const { check } = await withScriptResult({ exitCode: 0, stdout: "x".repeat(CHECK_OUTPUT_CAP), stderr: "more" });
    assert.equal((await check()).output.length, CHECK_OUTPUT_CAP);
  });

  it("with retries, runs a failing script again until it passes, and stops there", async () => {
    let runs = 0;
    const { check, seen } = await withScriptResult(() => (++runs < 3 ? { exitCode: 1, stdout: `FAIL: not yet (run ${runs})\n` } : { exitCode: 0 }));
    const r = await check(1000, { retries: 5, intervalMs: 10 });
    assert.deepEqual([r.passed, seen.length], [true, 3]);
  });

  it("with retries used up, fails with the last run's message; without retries, runs once", async () => {
    let runs = 0;
    const { check, seen } = await withScriptResult(() => ({ exitCode: 1, stdout: `FAIL: not yet (run ${++runs})\n` }));
    const r = await check(1000, { retries: 2, intervalMs: 10 });
    assert.deepEqual([r.passed, r.message, seen.length], [false, "not yet (run 3)", 3]);
    await check(1000);
    assert.equal(seen.length, 4);
  });
});
