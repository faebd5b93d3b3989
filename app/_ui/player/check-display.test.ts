/** Which check result a step shows, the score line, and the finish summary. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scoreLine, visibleCheck } from "./check-display";
import { formatDuration, summarise } from "./summary";
import { progressOf } from "./test-progress";

const failed = { passed: false, at: "2026-01-01T10:00:00Z", checks: [{ name: "a", passed: false, message: "missing", weight: 1 }] };
const passed = { passed: true, at: "2026-01-01T10:00:05Z", checks: [{ name: "a", passed: true, message: "", weight: 1 }] };

describe("visibleCheck", () => {
  it("shows nothing before the first attempt, even when the background ran the checks", () => {
    const [step] = progressOf([{ stepId: "one", status: "active", lastCheck: failed }]).steps;
    assert.equal(visibleCheck(step, null), null);
  });

  it("shows the newer of the learner's own result and the recorded one", () => {
    const [step] = progressOf([{ stepId: "one", status: "active", attempts: 1, lastCheck: failed }]).steps;
    assert.equal(visibleCheck(step, null), failed);
    assert.equal(visibleCheck(step, passed), passed);
    const [later] = progressOf([{ stepId: "one", status: "passed", attempts: 1, lastCheck: passed }]).steps;
    assert.equal(visibleCheck(later, failed), passed);
  });

  it("shows the passing result of a step that turned green by itself", () => {
    const [step] = progressOf([{ stepId: "one", status: "passed", attempts: 0, lastCheck: passed }]).steps;
    assert.equal(visibleCheck(step, null), passed);
  });
});

describe("summary", () => {
  it("adds up steps, attempts, hints and time, and the score as a percentage", () => {
    const progress = progressOf(
      [
        { stepId: "one", status: "passed", attempts: 2, hintsUsed: 1, startedAt: "2026-01-01T10:00:00Z", passedAt: "2026-01-01T10:05:00Z" },
        { stepId: "two", status: "skipped", attempts: 1, solutionRevealed: true, startedAt: "2026-01-01T10:05:00Z", passedAt: "2026-01-01T10:12:30Z" },
      ],
      { score: { earned: 2, max: 3 } },
    );
    assert.deepEqual(summarise(progress), { passed: 1, skipped: 1, total: 2, attempts: 3, hintsUsed: 1, solutionsRevealed: 1, score: { earned: 2, max: 3 }, durationMs: 750_000 });
    assert.equal(formatDuration(750_000), "13 min");
    assert.equal(formatDuration(42_000), "42 s");
    assert.equal(formatDuration(65 * 60_000), "1 h 05 min");
    assert.deepEqual(scoreLine({ earned: 2, max: 3 }), { earned: 2, max: 3, percent: 67 });
    assert.equal(scoreLine({ earned: 0, max: 0 }).percent, 0);
  });
});
