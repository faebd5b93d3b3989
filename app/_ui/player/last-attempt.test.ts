import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lastAttemptText, startLabel } from "./last-attempt";

const at = (stepsDone: number) => ({ stepsDone, stepsTotal: 5, endedAt: "2026-11-26T15:00:00Z" });

describe("the lab page's last attempt", () => {
  it("starts a lab never begun or with no step done, continues an unfinished one, starts a finished one again", () => {
    assert.deepEqual([null, at(0), at(2), at(5)].map(startLabel), ["Start lab", "Start lab", "Continue the lab", "Start again"]);
  });

  it("says how far the attempt got", () => {
    assert.match(lastAttemptText(at(5)), /^You finished this lab on .+: all 5 steps done\.$/);
    assert.match(lastAttemptText(at(2)), /^Last time \(.+\) you did 2 of 5 steps\. A new environment picks up there/);
    assert.match(lastAttemptText(at(0)), /^You started this lab on .+; no step is done yet\.$/);
  });
});
