/** Player navigation: which pages open, where the player lands on load, and what comes next. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canOpen, initialPage, neighbour, nextStepId, pageList, stepOf } from "./pages";
import { progressOf } from "./test-progress";

const lab = { introHtml: "<p>hi</p>", steps: [{ id: "one" }, { id: "two" }, { id: "three" }] };
const fresh = progressOf([{ stepId: "one", status: "active" }, { stepId: "two" }, { stepId: "three" }]);

describe("player pages", () => {
  it("lists intro, the steps and finish; without an intro page there is none", () => {
    assert.deepEqual(pageList(lab), ["intro", "step:one", "step:two", "step:three", "finish"]);
    assert.deepEqual(pageList({ ...lab, introHtml: null }), ["step:one", "step:two", "step:three", "finish"]);
    assert.equal(stepOf("step:two"), "two");
    assert.equal(stepOf("finish"), null);
  });

  it("opens unlocked steps only, and finish once every step is done", () => {
    const midway = progressOf([{ stepId: "one", status: "passed" }, { stepId: "two", status: "active" }, { stepId: "three" }]);
    assert.deepEqual(pageList(lab).map((p) => canOpen(p, lab, midway)), [true, true, true, false, false]);
    const done = progressOf([{ stepId: "one", status: "passed" }, { stepId: "two", status: "skipped" }, { stepId: "three", status: "passed" }]);
    assert.equal(canOpen("finish", lab, done), true);
    assert.equal(canOpen("step:nope", lab, done), false);
    assert.equal(canOpen("step:one", lab, null), false, "nothing opens before the progress is known");
  });

  it("lands on the intro first, then on the current step, then on finish; a remembered page wins while allowed", () => {
    assert.equal(initialPage(lab, fresh, null), "intro");
    assert.equal(initialPage({ ...lab, introHtml: null }, fresh, null), "step:one");
    const tried = progressOf([{ stepId: "one", status: "active", attempts: 1 }, { stepId: "two" }, { stepId: "three" }]);
    assert.equal(initialPage(lab, tried, null), "step:one");
    const midway = progressOf([{ stepId: "one", status: "passed" }, { stepId: "two", status: "active" }, { stepId: "three" }]);
    assert.equal(initialPage(lab, midway, null), "step:two");
    assert.equal(initialPage(lab, midway, "step:one"), "step:one");
    assert.equal(initialPage(lab, midway, "step:three"), "step:two", "a remembered page that is locked now is ignored");
    assert.equal(initialPage(lab, progressOf([{ stepId: "one", status: "passed" }, { stepId: "two", status: "passed" }, { stepId: "three", status: "skipped" }]), null), "finish");
  });

  it("walks to neighbours and names the next step", () => {
    assert.equal(neighbour("intro", lab, 1), "step:one");
    assert.equal(neighbour("step:three", lab, 1), "finish");
    assert.equal(neighbour("intro", lab, -1), null);
    assert.equal(nextStepId(lab, "two"), "three");
    assert.equal(nextStepId(lab, "three"), null);
  });
});
