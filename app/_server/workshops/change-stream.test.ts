import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changeStream } from "./change-stream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
  return text;
}

describe("changeStream", () => {
  it("sends a value only when it changed, reports a failing load and closes when done", async () => {
    const values = [1, 1, 2, "boom", 2, 3];
    let closed = false;
    const stream = changeStream({
      event: "n",
      intervalMs: 1,
      load: async () => {
        const v = values.shift();
        if (v === "boom") throw new Error("db down");
        return { n: v };
      },
      isDone: (v) => v.n === 3,
      onClose: () => void (closed = true),
    });
    assert.equal(await readAll(stream), 'event: n\ndata: {"n":1}\n\nevent: n\ndata: {"n":2}\n\nevent: error\ndata: {"message":"db down"}\n\nevent: n\ndata: {"n":3}\n\n');
    assert.equal(closed, true);
  });

  it("stops loading once the request is aborted", async () => {
    const abort = new AbortController();
    let loads = 0;
    const stream = changeStream({ event: "n", intervalMs: 5, signal: abort.signal, load: async () => ++loads });
    const reading = readAll(stream);
    await new Promise((r) => setTimeout(r, 30));
    abort.abort();
    await reading;
    const after = loads;
    await new Promise((r) => setTimeout(r, 30));
    assert.ok(after > 1 && loads === after, `loads stopped at ${after}, now ${loads}`);
  });
});
