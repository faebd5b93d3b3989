import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatClock, formatSpan, formatWhen } from "./when";

describe("workshop times", () => {
  it("writes an instant, a clock time and a span in UTC", () => {
    assert.equal(formatWhen("2026-11-26T15:34:00.000Z"), "2026-11-26 15:34 UTC");
    assert.equal(formatWhen(new Date("2026-11-26T15:34:59Z")), "2026-11-26 15:34 UTC");
    assert.equal(formatClock("2026-11-26T17:05:00Z"), "17:05 UTC");
    assert.equal(formatSpan("2026-11-26T15:34:00Z", new Date("2026-11-26T18:34:00Z")), "2026-11-26 15:34 – 18:34 UTC");
  });

  it("names the end's date when the span crosses midnight", () => {
    assert.equal(formatSpan("2026-11-26T22:00:00Z", "2026-11-27T01:30:00Z"), "2026-11-26 22:00 – 2026-11-27 01:30 UTC");
  });
});
