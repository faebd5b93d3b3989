/**
 * HTTP/1.1 on the wire, just enough to relay one request to a web service inside a host and read its
 * answer back: the request is written as bytes (one request per connection, `Connection: close`), the
 * response head is parsed into status and headers, and its body is cut out by length, chunks or close as
 * it streams. Pure and byte-exact (bodies are never decoded as text), so it is unit-tested without Docker
 * and shared with the web app's header filtering.
 */
import { Transform, type TransformCallback } from "node:stream";

export type HeaderList = [name: string, value: string][];

/** Set on every answer the runner relays from a service, so callers tell it from the runner's own errors. */
export const SERVICE_MARKER = "x-praxis-service";

/** Headers that describe one connection rather than the message; a relay must not pass them on. */
export const HOP_BY_HOP = new Set([
  "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
  "transfer-encoding", "upgrade", "host", "content-length", "expect",
]);

export interface WireRequest {
  method: string;
  /** Path and query as sent by the browser, e.g. "/api/items?page=2" (not decoded). */
  target: string;
  port: number;
  headers: HeaderList;
  body: Uint8Array;
}

export class HttpWireError extends Error {
  override readonly name = "HttpWireError";
}

/** An HTTP token (methods, header names) and a request target we pass on: nothing that could split a request. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const TARGET = /^\/[\x21-\x7e]*$/;
const encoder = new TextEncoder();

export function encodeHttpRequest(req: WireRequest): Uint8Array {
  if (!TOKEN.test(req.method)) throw new HttpWireError(`invalid HTTP method ${JSON.stringify(req.method)}`);
  if (!TARGET.test(req.target)) throw new HttpWireError(`invalid request path ${JSON.stringify(req.target)}`);
  const lines = [`${req.method} ${req.target} HTTP/1.1`, `Host: localhost:${req.port}`];
  for (const [name, value] of req.headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === "accept-encoding") continue;
    if (!TOKEN.test(name) || /[\r\n\0]/.test(value)) throw new HttpWireError(`invalid header ${JSON.stringify(name)}`);
    lines.push(`${name}: ${value}`);
  }
  // identity: the relay hands bodies on byte for byte, and fetch() on the way back would otherwise
  // decompress a body whose Content-Encoding header still says gzip.
  lines.push("Accept-Encoding: identity", "Connection: close");
  if (req.body.length > 0 || !["GET", "HEAD", "OPTIONS", "DELETE"].includes(req.method)) lines.push(`Content-Length: ${req.body.length}`);
  const head = encoder.encode(`${lines.join("\r\n")}\r\n\r\n`);
  const out = new Uint8Array(head.length + req.body.length);
  out.set(head);
  out.set(req.body, head.length);
  return out;
}

export interface ResponseHead {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** How many bytes the head took, blank line included: the body starts there. */
  length: number;
}

/** Parses the response head at the start of `bytes`: null while it is incomplete, an error when it is not HTTP. */
export function parseResponseHead(bytes: Uint8Array): ResponseHead | null {
  const end = headEnd(bytes);
  if (end === null) return null;
  const lines = new TextDecoder("latin1").decode(bytes.subarray(0, end.at)).replace(/\r$/, "").split(/\r?\n/);
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0] ?? "");
  if (!status) throw new HttpWireError(`the service's answer is not an HTTP/1.x response: ${JSON.stringify((lines[0] ?? "").slice(0, 80))}`);
  const headers: HeaderList = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { status: Number(status[1]), statusText: status[2] ?? "", headers, length: end.at + end.length };
}

function headEnd(bytes: Uint8Array): { at: number; length: number } | null {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return { at: i, length: 2 };
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) return { at: i, length: 3 };
  }
  return null;
}

/** How a response's body is delimited (RFC 9112 §6.3, for the cases a close-delimited request can get). */
export type BodyFraming = { kind: "none" } | { kind: "length"; length: number } | { kind: "chunked" } | { kind: "close" };

export function bodyFraming(method: string, head: ResponseHead): BodyFraming {
  if (method === "HEAD" || head.status === 204 || head.status === 304 || head.status < 200) return { kind: "none" };
  const get = (name: string) => head.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  if (/chunked/i.test(get("transfer-encoding") ?? "")) return { kind: "chunked" };
  const length = get("content-length");
  if (length === undefined) return { kind: "close" };
  if (!/^\d{1,15}$/.test(length)) throw new HttpWireError(`the service sent an invalid Content-Length ${JSON.stringify(length.slice(0, 40))}`);
  return { kind: "length", length: Number(length) };
}

const MAX_CHUNK_LINE = 4096;

/**
 * The body of a response, cut from the bytes that follow its head as they arrive: up to its length, its
 * chunks decoded, or everything until the service closes. It ends as soon as the body is complete (bytes
 * after it are dropped) and fails when the bytes end before that, so a cut-off answer is never passed on
 * as a whole one. Streaming, so server-sent events and large downloads flow without being held.
 */
export class ResponseBody extends Transform {
  private state: "size" | "data" | "data-end" | "trailer" | "done";
  private remaining: number;
  private line = "";

  constructor(private readonly framing: BodyFraming) {
    super();
    this.state = framing.kind === "chunked" ? "size" : "data";
    this.remaining = framing.kind === "length" ? framing.length : Number.POSITIVE_INFINITY;
    if (framing.kind === "none" || this.remaining === 0) this.complete();
  }

  get isComplete(): boolean {
    return this.state === "done";
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.framing.kind === "chunked") this.dechunk(chunk);
      else this.passBody(chunk, 0);
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.framing.kind === "close" || this.state === "done") done();
    else done(new HttpWireError("the service's answer ended before its body was complete"));
  }

  private complete(): void {
    this.state = "done";
    this.push(null);
  }

  /** Passes on body bytes from `pos`, up to what remains; returns where it stopped. */
  private passBody(chunk: Buffer, pos: number): number {
    if (this.state !== "data") return chunk.length;
    const n = Math.min(this.remaining, chunk.length - pos);
    if (n > 0) this.push(chunk.subarray(pos, pos + n));
    this.remaining -= n;
    if (this.remaining === 0) {
      if (this.framing.kind === "chunked") this.state = "data-end";
      else this.complete();
    }
    return pos + n;
  }

  private dechunk(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.state !== "done") {
      if (this.state === "data") {
        pos = this.passBody(chunk, pos);
        continue;
      }
      const newline = chunk.indexOf(10, pos);
      const piece = chunk.subarray(pos, newline < 0 ? chunk.length : newline).toString("latin1");
      pos = newline < 0 ? chunk.length : newline + 1;
      if (this.state === "data-end") {
        if (newline >= 0) this.state = "size"; // the CRLF after a chunk's data
        continue;
      }
      this.line += piece;
      if (this.line.length > MAX_CHUNK_LINE) throw new HttpWireError("the service sent a malformed chunked body (a chunk line is too long)");
      if (newline < 0) break;
      const line = this.line.replace(/\r$/, "");
      this.line = "";
      if (this.state === "trailer") {
        if (line === "") this.complete();
        continue;
      }
      const size = /^[0-9a-fA-F]{1,12}$/.test(line.split(";")[0]!.trim()) ? parseInt(line, 16) : NaN;
      if (!Number.isFinite(size)) throw new HttpWireError(`the service sent a malformed chunked body (chunk size ${JSON.stringify(line.slice(0, 20))})`);
      if (size === 0) this.state = "trailer";
      else [this.state, this.remaining] = ["data", size];
    }
  }
}
