import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractFenceMarkers } from "./fence-markers";

describe("extractFenceMarkers", () => {
  it("rewrites a marked closing fence to a bare fence of the same width and records its line", () => {
    const input = "text\n```bash\nls\n```{{exec}}\nafter\n";
    const { markdown, closingLines } = extractFenceMarkers(input);
    assert.equal(markdown, "text\n```bash\nls\n```        \nafter\n");
    assert.deepEqual([...closingLines], [[4, "exec"]]);
  });

  it("understands {{copy}}, {{execute}} and tilde fences", () => {
    const { closingLines } = extractFenceMarkers("~~~\na\n~~~{{copy}}\n```\nb\n```{{execute}}\n");
    assert.deepEqual([...closingLines], [[3, "copy"], [6, "exec"]]);
  });

  it("ignores markers inside a longer or different fence, and on opening lines", () => {
    const input = "````md\n```{{exec}}\n````\n~~~\n```{{exec}}\n~~~\n";
    const { markdown, closingLines } = extractFenceMarkers(input);
    assert.equal(markdown, input);
    assert.equal(closingLines.size, 0);
  });
});
