import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ClientOp,
  MAX_INPUT_BYTES,
  ProtocolError,
  ServerOp,
  decodeClientFrame,
  decodeServerFrame,
  encodeClientFrame,
  encodeServerFrame,
  type ClientFrame,
  type ServerFrame,
} from "./protocol";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("client frames", () => {
  const cases: ClientFrame[] = [
    { type: "input", data: text("echo hi\r") },
    { type: "input", data: new Uint8Array(0) },
    { type: "input", data: bytes(0, 255, 0x1b, 0x80) },
    { type: "resize", cols: 80, rows: 24 },
    { type: "resize", cols: 1000, rows: 1 },
    { type: "ack", bytes: 0 },
    { type: "ack", bytes: 0xffffffff },
    { type: "ping", payload: text("1712345678901") },
    { type: "ping", payload: new Uint8Array(0) },
  ];
  for (const frame of cases) {
    it(`round-trips ${JSON.stringify({ ...frame, ...("data" in frame ? { data: [...frame.data] } : {}) })}`, () => {
      assert.deepEqual(decodeClientFrame(encodeClientFrame(frame)), frame);
    });
  }

  it("uses a one-byte opcode and big-endian fields", () => {
    assert.deepEqual(encodeClientFrame({ type: "resize", cols: 0x0102, rows: 0x0304 }), bytes(ClientOp.RESIZE, 1, 2, 3, 4));
    assert.deepEqual(encodeClientFrame({ type: "ack", bytes: 0x01020304 }), bytes(ClientOp.ACK, 1, 2, 3, 4));
    assert.deepEqual(encodeClientFrame({ type: "input", data: text("a") }), bytes(ClientOp.INPUT, 0x61));
  });

  it("decodes from an ArrayBuffer and from a view with an offset", () => {
    const framed = bytes(9, 9, ClientOp.RESIZE, 0, 80, 0, 24, 9);
    const view = framed.subarray(2, 7);
    assert.deepEqual(decodeClientFrame(view), { type: "resize", cols: 80, rows: 24 });
    assert.deepEqual(decodeClientFrame(view.slice().buffer), { type: "resize", cols: 80, rows: 24 });
  });

  const malformed: Array<[string, Uint8Array, RegExp]> = [
    ["empty", new Uint8Array(0), /empty frame/],
    ["unknown opcode", bytes(0x7f), /unknown client opcode 0x7f/],
    ["server opcode sent by a client", bytes(ServerOp.OUTPUT, 0x61), /unknown client opcode 0x80/],
    ["short RESIZE", bytes(ClientOp.RESIZE, 0, 80, 0), /RESIZE frame needs a 4-byte payload, got 3/],
    ["long RESIZE", bytes(ClientOp.RESIZE, 0, 80, 0, 24, 0), /RESIZE frame needs a 4-byte payload, got 5/],
    ["zero cols", bytes(ClientOp.RESIZE, 0, 0, 0, 24), /cols must be an integer in 1\.\.1000, got 0/],
    ["huge rows", bytes(ClientOp.RESIZE, 0, 80, 0xff, 0xff), /rows must be an integer in 1\.\.1000, got 65535/],
    ["short ACK", bytes(ClientOp.ACK, 1, 2), /ACK frame needs a 4-byte payload, got 2/],
    ["oversized PING", new Uint8Array(66).fill(ClientOp.PING), /PING payload is 65 bytes, max 64/],
    ["oversized INPUT", new Uint8Array(MAX_INPUT_BYTES + 2), /INPUT payload is 65537 bytes/],
  ];
  for (const [name, frame, message] of malformed) {
    it(`rejects ${name}`, () => {
      assert.throws(() => decodeClientFrame(frame), (err: unknown) => err instanceof ProtocolError && message.test(err.message));
    });
  }

  it("refuses to encode values that do not fit the wire format", () => {
    assert.throws(() => encodeClientFrame({ type: "resize", cols: 80.5, rows: 24 }), ProtocolError);
    assert.throws(() => encodeClientFrame({ type: "ack", bytes: -1 }), ProtocolError);
    assert.throws(() => encodeClientFrame({ type: "ack", bytes: 2 ** 32 }), ProtocolError);
    assert.throws(() => encodeClientFrame({ type: "input", data: new Uint8Array(MAX_INPUT_BYTES + 1) }), ProtocolError);
  });
});

describe("server frames", () => {
  const cases: ServerFrame[] = [
    { type: "output", data: text("hi\r\n") },
    { type: "output", data: bytes(0, 0xff, 0xfe) },
    { type: "hello", version: 1, terminalId: "main" },
    { type: "hello", version: 255, terminalId: "" },
    { type: "exit", code: 0 },
    { type: "exit", code: 130 },
    { type: "exit", code: null },
    { type: "pong", payload: text("x") },
    { type: "error", message: "session expired — bye" },
  ];
  for (const frame of cases) {
    it(`round-trips ${frame.type} ${JSON.stringify(frame).slice(0, 60)}`, () => {
      assert.deepEqual(decodeServerFrame(encodeServerFrame(frame)), frame);
    });
  }

  it("encodes an unknown exit code as -1", () => {
    assert.deepEqual(encodeServerFrame({ type: "exit", code: null }), bytes(ServerOp.EXIT, 0xff, 0xff, 0xff, 0xff));
  });

  it("truncates very long error messages instead of failing", () => {
    const decoded = decodeServerFrame(encodeServerFrame({ type: "error", message: "x".repeat(10_000) }));
    assert.equal(decoded.type, "error");
    assert.ok(decoded.type === "error" && decoded.message.length === 1000);
  });

  const malformed: Array<[string, Uint8Array, RegExp]> = [
    ["empty", new Uint8Array(0), /empty frame/],
    ["client opcode sent by the server", bytes(ClientOp.INPUT, 0x61), /unknown server opcode 0x00/],
    ["HELLO without version", bytes(ServerOp.HELLO), /needs a version byte/],
    ["HELLO with invalid UTF-8", bytes(ServerOp.HELLO, 1, 0xc3, 0x28), /HELLO text is not valid UTF-8/],
    ["ERROR with invalid UTF-8", bytes(ServerOp.ERROR, 0xff), /ERROR text is not valid UTF-8/],
    ["short EXIT", bytes(ServerOp.EXIT, 0), /EXIT frame needs a 4-byte payload, got 1/],
    ["negative EXIT", bytes(ServerOp.EXIT, 0xff, 0xff, 0xff, 0xfe), /EXIT code -2 is invalid/],
  ];
  for (const [name, frame, message] of malformed) {
    it(`rejects ${name}`, () => {
      assert.throws(() => decodeServerFrame(frame), (err: unknown) => err instanceof ProtocolError && message.test(err.message));
    });
  }

  it("refuses to encode an exit code that does not fit", () => {
    assert.throws(() => encodeServerFrame({ type: "exit", code: -5 }), ProtocolError);
    assert.throws(() => encodeServerFrame({ type: "hello", version: 256, terminalId: "a" }), ProtocolError);
  });
});
