/**
 * The terminal wire protocol: binary WebSocket messages whose first byte is an opcode and whose
 * remainder is the payload. Terminal bytes travel as-is (no base64, no JSON) so a `yes` flood costs
 * one byte of framing per message. Client opcodes have the high bit clear and server opcodes have it
 * set, so a frame sent in the wrong direction is rejected instead of being misread. This module is a
 * pure codec (no node:* imports) so the browser, the runner and the CLI client share it.
 */

export const PROTOCOL_VERSION = 1;

/** Largest INPUT frame a server accepts; a paste bigger than this must be split by the client. */
export const MAX_INPUT_BYTES = 64 * 1024;
/** PING/PONG carry a small opaque token (e.g. a timestamp) so the client can measure latency. */
export const MAX_PING_BYTES = 64;
/** tmux and xterm.js both misbehave far above this; it also bounds what a client can ask for. */
export const MAX_DIMENSION = 1000;
const MAX_TEXT_BYTES = 4096;

export const ClientOp = { INPUT: 0x00, RESIZE: 0x01, ACK: 0x02, PING: 0x03 } as const;
export const ServerOp = { OUTPUT: 0x80, HELLO: 0x81, EXIT: 0x82, PONG: 0x83, ERROR: 0x84 } as const;

export type ClientFrame =
  | { type: "input"; data: Uint8Array }
  | { type: "resize"; cols: number; rows: number }
  | { type: "ack"; bytes: number }
  | { type: "ping"; payload: Uint8Array };

export type ServerFrame =
  | { type: "output"; data: Uint8Array }
  /** Sent once when the terminal is attached and ready for input. */
  | { type: "hello"; version: number; terminalId: string }
  /** The shell (tmux client) ended; `code` is null when the exit status is unknown. */
  | { type: "exit"; code: number | null }
  | { type: "pong"; payload: Uint8Array }
  | { type: "error"; message: string };

/** A frame that cannot be decoded; the caller closes the socket with a protocol-error code. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

function withOpcode(op: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + payload.length);
  out[0] = op;
  out.set(payload, 1);
  return out;
}

function fixed(op: number, size: number, fill: (view: DataView) => void): Uint8Array {
  const out = new Uint8Array(1 + size);
  out[0] = op;
  fill(new DataView(out.buffer, 1, size));
  return out;
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new ProtocolError(`${name} must be an integer in 1..${MAX_DIMENSION}, got ${value}`);
  }
}

function checkUint32(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new ProtocolError(`${name} must be a uint32, got ${value}`);
  }
}

function checkLength(name: string, data: Uint8Array, max: number): void {
  if (data.length > max) throw new ProtocolError(`${name} payload is ${data.length} bytes, max ${max}`);
}

export function encodeClientFrame(frame: ClientFrame): Uint8Array {
  switch (frame.type) {
    case "input":
      checkLength("INPUT", frame.data, MAX_INPUT_BYTES);
      return withOpcode(ClientOp.INPUT, frame.data);
    case "resize":
      checkDimension("cols", frame.cols);
      checkDimension("rows", frame.rows);
      return fixed(ClientOp.RESIZE, 4, (v) => {
        v.setUint16(0, frame.cols);
        v.setUint16(2, frame.rows);
      });
    case "ack":
      checkUint32("ACK bytes", frame.bytes);
      return fixed(ClientOp.ACK, 4, (v) => v.setUint32(0, frame.bytes));
    case "ping":
      checkLength("PING", frame.payload, MAX_PING_BYTES);
      return withOpcode(ClientOp.PING, frame.payload);
  }
}

export function encodeServerFrame(frame: ServerFrame): Uint8Array {
  switch (frame.type) {
    case "output":
      return withOpcode(ServerOp.OUTPUT, frame.data);
    case "hello": {
      if (!Number.isInteger(frame.version) || frame.version < 0 || frame.version > 255) {
        throw new ProtocolError(`HELLO version must be a uint8, got ${frame.version}`);
      }
      const name = encoder.encode(frame.terminalId);
      checkLength("HELLO terminal id", name, MAX_TEXT_BYTES);
      const out = new Uint8Array(2 + name.length);
      out[0] = ServerOp.HELLO;
      out[1] = frame.version;
      out.set(name, 2);
      return out;
    }
    case "exit": {
      const code = frame.code;
      if (code !== null && (!Number.isInteger(code) || code < 0 || code > 0x7fffffff)) {
        throw new ProtocolError(`EXIT code must be null or a non-negative int32, got ${code}`);
      }
      // -1 on the wire means "unknown"; real exit statuses are never negative.
      return fixed(ServerOp.EXIT, 4, (v) => v.setInt32(0, code ?? -1));
    }
    case "pong":
      checkLength("PONG", frame.payload, MAX_PING_BYTES);
      return withOpcode(ServerOp.PONG, frame.payload);
    case "error": {
      const text = encoder.encode(frame.message);
      // Truncating could split a multi-byte character, so cut on the string instead of the bytes.
      return withOpcode(ServerOp.ERROR, text.length <= MAX_TEXT_BYTES ? text : encoder.encode(frame.message.slice(0, 1000)));
    }
  }
}

/** Accepts the forms a WebSocket library hands over and views them as bytes without copying. */
export function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function payloadOf(frame: Uint8Array): Uint8Array {
  return frame.subarray(1);
}

function expectSize(name: string, payload: Uint8Array, size: number): DataView {
  if (payload.length !== size) {
    throw new ProtocolError(`${name} frame needs a ${size}-byte payload, got ${payload.length}`);
  }
  return new DataView(payload.buffer, payload.byteOffset, payload.length);
}

function decodeText(name: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_TEXT_BYTES) throw new ProtocolError(`${name} text is longer than ${MAX_TEXT_BYTES} bytes`);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new ProtocolError(`${name} text is not valid UTF-8`);
  }
}

/** Decodes a frame received by the server. Throws ProtocolError for anything malformed. */
export function decodeClientFrame(raw: ArrayBuffer | ArrayBufferView): ClientFrame {
  const frame = asBytes(raw);
  if (frame.length === 0) throw new ProtocolError("empty frame");
  const payload = payloadOf(frame);
  switch (frame[0]) {
    case ClientOp.INPUT:
      checkLength("INPUT", payload, MAX_INPUT_BYTES);
      return { type: "input", data: payload };
    case ClientOp.RESIZE: {
      const v = expectSize("RESIZE", payload, 4);
      const cols = v.getUint16(0);
      const rows = v.getUint16(2);
      checkDimension("cols", cols);
      checkDimension("rows", rows);
      return { type: "resize", cols, rows };
    }
    case ClientOp.ACK:
      return { type: "ack", bytes: expectSize("ACK", payload, 4).getUint32(0) };
    case ClientOp.PING:
      checkLength("PING", payload, MAX_PING_BYTES);
      return { type: "ping", payload };
    default:
      throw new ProtocolError(`unknown client opcode 0x${frame[0]!.toString(16).padStart(2, "0")}`);
  }
}

/** Decodes a frame received by a client. Throws ProtocolError for anything malformed. */
export function decodeServerFrame(raw: ArrayBuffer | ArrayBufferView): ServerFrame {
  const frame = asBytes(raw);
  if (frame.length === 0) throw new ProtocolError("empty frame");
  const payload = payloadOf(frame);
  switch (frame[0]) {
    case ServerOp.OUTPUT:
      return { type: "output", data: payload };
    case ServerOp.HELLO:
      if (payload.length < 1) throw new ProtocolError("HELLO frame needs a version byte");
      return { type: "hello", version: payload[0]!, terminalId: decodeText("HELLO", payload.subarray(1)) };
    case ServerOp.EXIT: {
      const code = expectSize("EXIT", payload, 4).getInt32(0);
      if (code < -1) throw new ProtocolError(`EXIT code ${code} is invalid`);
      return { type: "exit", code: code === -1 ? null : code };
    }
    case ServerOp.PONG:
      checkLength("PONG", payload, MAX_PING_BYTES);
      return { type: "pong", payload };
    case ServerOp.ERROR:
      return { type: "error", message: decodeText("ERROR", payload) };
    default:
      throw new ProtocolError(`unknown server opcode 0x${frame[0]!.toString(16).padStart(2, "0")}`);
  }
}
