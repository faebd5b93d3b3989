/** The step list's state: step by step to ready, a failure in plain words, and a replay that rebuilds it. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldProvisionEvent, initialProvisionView, type ProvisionEvent } from "./provision-progress";

const fold = (events: ProvisionEvent[]) => events.reduce(foldProvisionEvent, initialProvisionView);
const steps: ProvisionEvent = { type: "steps", steps: ["ensure-images", "create-network", "start-hosts", "copy-files", "run-setup"] };

describe("provision progress", () => {
  it("tracks each step and the bar up to ready", () => {
    const mid = fold([steps, { type: "progress", step: "ensure-images", status: "done", message: "" }, { type: "progress", step: "create-network", status: "started", message: "" }]);
    assert.deepEqual(mid.steps.map((s) => s.status), ["done", "running", "pending", "pending", "pending"]);
    assert.equal(mid.steps[1]!.label, "Private network");
    assert.equal(mid.fraction, 1.5 / 5);
    const done = foldProvisionEvent(mid, { type: "state", state: "ready" });
    assert.deepEqual([done.outcome.kind, done.fraction], ["ready", 1]);
  });

  it("says what failed, ignores rollback noise, and rebuilds from a replay", () => {
    const failed = fold([
      steps,
      { type: "progress", step: "run-setup", status: "progress", message: "running setup.sh on workstation" },
      { type: "progress", step: "run-setup", status: "failed", message: "setup.sh exited with 1" },
      { type: "progress", step: "rollback", status: "done", message: "" },
      { type: "state", state: "failed", error: "run-setup: setup.sh exited with 1" },
    ]);
    assert.equal(failed.steps[4]!.status, "failed");
    assert.equal(failed.steps[4]!.message, "setup.sh exited with 1");
    assert.deepEqual(failed.outcome, { kind: "failed", message: "setting up the environment failed: run-setup: setup.sh exited with 1" });
    const replayed = fold([steps, { type: "progress", step: "ensure-images", status: "done", message: "" }, steps]);
    assert.deepEqual(replayed.steps.map((s) => s.status), ["pending", "pending", "pending", "pending", "pending"]);
  });
});
