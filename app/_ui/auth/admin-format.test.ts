import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatAge, learnerLabel } from "./admin-format";

describe("admin page formatting", () => {
  const now = Date.parse("2026-11-26T10:00:00Z");
  it("shows a session's age in minutes and hours", () => {
    assert.equal(formatAge(null, now), "—");
    assert.equal(formatAge("2026-11-26T09:59:30Z", now), "< 1 min");
    assert.equal(formatAge("2026-11-26T09:57:00Z", now), "3 min");
    assert.equal(formatAge("2026-11-26T08:55:00Z", now), "1 h 5 min");
  });
  it("labels warm-pool members and unnamed learners", () => {
    assert.equal(learnerLabel(null), "— (warm pool)");
    assert.equal(learnerLabel(""), "anonymous learner");
    assert.equal(learnerLabel("Grace"), "Grace");
  });
});
