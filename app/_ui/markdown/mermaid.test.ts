import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readableMinWidth } from "./mermaid";

describe("readableMinWidth", () => {
  it("lets a diagram shrink until its 16 px labels would drop below 11 px", () => {
    assert.equal(readableMinWidth(1600), 1100);
    assert.equal(readableMinWidth(1107.5), 762);
  });

  it("leaves a small diagram free to be drawn at its own size", () => {
    assert.ok(readableMinWidth(300) < 300);
  });
});
