import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDuration, parseMemory, parseMode } from "./units";

describe("units", () => {
  it("parses durations", () => {
    assert.equal(parseDuration("30s"), 30_000);
    assert.equal(parseDuration("2m"), 120_000);
    assert.equal(parseDuration("1m30s"), 90_000);
    assert.equal(parseDuration("1h"), 3_600_000);
    assert.equal(parseDuration("250ms"), 250);
    for (const bad of ["", "30", "s", "1m1h", "2 minutes", "1.5s"]) assert.equal(parseDuration(bad), undefined, bad);
  });

  it("parses memory quantities", () => {
    assert.equal(parseMemory("512Mi"), 536_870_912);
    assert.equal(parseMemory("1Gi"), 1_073_741_824);
    assert.equal(parseMemory("1.5Gi"), 1_610_612_736);
    assert.equal(parseMemory("100M"), 100_000_000);
    assert.equal(parseMemory("4096"), 4096);
    for (const bad of ["512MB", "Mi", "-1Mi", "1 Gi"]) assert.equal(parseMemory(bad), undefined, bad);
  });

  it("parses octal modes", () => {
    assert.equal(parseMode("0644"), 0o644);
    assert.equal(parseMode("755"), 0o755);
    for (const bad of ["0800", "64", "07777", "rw-"]) assert.equal(parseMode(bad), undefined, bad);
  });
});
