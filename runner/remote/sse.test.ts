/** The SSE parser: events split across chunks at any point, comments skipped, multi-line data joined. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SseParser } from "./sse";

describe("SseParser", () => {
  it("reassembles events from arbitrary chunks", () => {
    const text = ': hello\n\nevent: progress\ndata: {"a":1}\n\r\ndata: one\ndata: two\n\nevent: state\ndata: {}\n\n';
    for (const size of [1, 3, 7, text.length]) {
      const parser = new SseParser();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...parser.feed(text.slice(i, i + size)));
      assert.deepEqual(got, [
        { event: "progress", data: '{"a":1}' },
        { event: "message", data: "one\ntwo" },
        { event: "state", data: "{}" },
      ]);
    }
  });
});
