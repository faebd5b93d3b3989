import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { difficultyLabel, formatBytes, formatMinutes, plural } from "./format";

describe("display formatters", () => {
  it("formats minutes and hours", () => {
    assert.equal(formatMinutes(25), "25 min");
    assert.equal(formatMinutes(60), "1 h");
    assert.equal(formatMinutes(95), "1 h 35 min");
  });
  it("formats bytes in binary units", () => {
    assert.equal(formatBytes(512), "512 B");
    assert.equal(formatBytes(512 * 1024 * 1024), "512 MiB");
    assert.equal(formatBytes(1.5 * 1024 ** 3), "1.5 GiB");
  });
  it("labels difficulty and pluralises", () => {
    assert.equal(difficultyLabel("intermediate"), "Intermediate");
    assert.equal(plural(1, "step"), "1 step");
    assert.equal(plural(3, "step"), "3 steps");
  });
});
