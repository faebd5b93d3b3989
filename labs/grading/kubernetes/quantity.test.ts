/** Kubernetes quantities: suffixes, exponents, and what is not a quantity. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseQuantity, sameQuantity } from "./quantity";

describe("parseQuantity", () => {
  it("reads decimal and binary suffixes, exponents and plain numbers", () => {
    assert.equal(parseQuantity("500m"), 0.5);
    assert.equal(parseQuantity("1Gi"), 1024 ** 3);
    assert.equal(parseQuantity("1024Mi"), 1024 ** 3);
    assert.equal(parseQuantity("2k"), 2000);
    assert.equal(parseQuantity("1e3"), 1000);
    assert.equal(parseQuantity(".5"), 0.5);
    assert.equal(parseQuantity(2), 2);
    assert.ok(sameQuantity(parseQuantity("100m")!, parseQuantity("0.1")!));
  });

  it("returns undefined for anything else", () => {
    for (const text of ["", "Gi", "1 Gi", "1GB", "one", "1.2.3"]) assert.equal(parseQuantity(text), undefined, text);
  });
});
