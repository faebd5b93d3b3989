import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closest, didYouMean, editDistance } from "./suggest";

describe("suggestions", () => {
  it("measures edits, counting a transposition as one", () => {
    assert.equal(editDistance("summary", "summary"), 0);
    assert.equal(editDistance("sumary", "summary"), 1);
    assert.equal(editDistance("sumamry", "summary"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
  });

  it("suggests only plausible typos", () => {
    assert.equal(closest("titel", ["title", "summary"]), "title");
    assert.equal(closest("Hints", ["hints", "hint"]), "hints");
    assert.equal(closest("foo", ["title", "summary"]), undefined);
    assert.equal(didYouMean("stpes", ["steps", "intro"]), "; did you mean `steps`?");
    assert.equal(didYouMean("zzz", ["steps"]), "");
  });
});
