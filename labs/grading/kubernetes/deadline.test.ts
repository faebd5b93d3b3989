/** withDeadline and sleep: time limits that hold even against a call that ignores its signal, without leaks. */
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { describe, it } from "node:test";
import { ClusterReadError } from "./reader";
import { sleep, withDeadline } from "./deadline";

describe("withDeadline", () => {
  it("returns the call's result and aborts nothing when it is in time", async () => {
    let seen: AbortSignal | undefined;
    const value = await withDeadline(1000, () => "Pod a", async (signal) => ((seen = signal), 42));
    assert.equal(value, 42);
    assert.equal(seen?.aborted, false);
  });

  it("rejects with a timeout naming the target, and aborts the call's signal", async () => {
    let seen: AbortSignal | undefined;
    const never = (signal: AbortSignal) => ((seen = signal), new Promise<never>(() => {}));
    await assert.rejects(withDeadline(30, () => "Pod a", never), (e: unknown) => e instanceof ClusterReadError && e.reason === "timeout" && e.message === "Pod a: the cluster's API server did not answer within 30ms");
    assert.equal(seen?.aborted, true);
  });

  it("rejects at once when the outer signal aborts, and removes its listener afterwards", async () => {
    const outer = new AbortController();
    for (let i = 0; i < 20; i++) await withDeadline(1000, () => "Pod a", async () => i, outer.signal);
    assert.equal(getEventListeners(outer.signal, "abort").length, 0);
    setTimeout(() => outer.abort(), 10);
    await assert.rejects(withDeadline(5000, () => "Pod a", () => new Promise(() => {}), outer.signal), (e: unknown) => e instanceof ClusterReadError && e.reason === "cancelled");
    assert.equal(getEventListeners(outer.signal, "abort").length, 0);
  });
});

describe("sleep", () => {
  it("wakes early when its signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await sleep(5000, controller.signal);
    assert.ok(Date.now() - started < 1000);
  });
});
