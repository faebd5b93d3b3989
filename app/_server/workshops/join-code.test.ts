import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { describe, it } from "node:test";
import { formatJoinCode, JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("draws six characters from the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) assert.match(newJoinCode(randomInt), /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    for (const ambiguous of "0O1IL5S8B2Z") assert.ok(!JOIN_CODE_ALPHABET.includes(ambiguous), ambiguous);
    assert.equal(newJoinCode(() => 0), "AAAAAA");
  });

  it("normalises what people type and refuses what cannot be a code", () => {
    assert.equal(normalizeJoinCode(" acd-efg "), "ACDEFG");
    assert.equal(normalizeJoinCode("ACD EFG"), "ACDEFG");
    assert.equal(normalizeJoinCode("ACDEF"), null);
    assert.equal(normalizeJoinCode("ACDEF0"), null, "0 is not in the alphabet");
    assert.equal(formatJoinCode("ACDEFG"), "ACD-EFG");
  });
});
