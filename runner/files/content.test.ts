import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classifyContent } from "./content";

describe("classifyContent", () => {
  it("returns UTF-8 text as text, including multi-byte characters and a BOM", () => {
    assert.deepEqual(classifyContent(new TextEncoder().encode("héllo ✓\n")), { kind: "text", text: "héllo ✓\n" });
    assert.deepEqual(classifyContent(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), { kind: "text", text: "\ufeffa" });
    assert.deepEqual(classifyContent(new Uint8Array(0)), { kind: "text", text: "" });
  });

  it("reports NUL bytes and invalid UTF-8 as binary", () => {
    assert.deepEqual(classifyContent(new Uint8Array([0x61, 0x00, 0x62])), { kind: "binary" });
    assert.deepEqual(classifyContent(new Uint8Array([0xff, 0xfe, 0x41])), { kind: "binary" });
    assert.deepEqual(classifyContent(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0xc3])), { kind: "binary" }, "truncated sequence");
  });
});
