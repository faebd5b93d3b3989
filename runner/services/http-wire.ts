/**
 * HTTP/1.1 on the wire, just enough to relay one request to a web service inside a host and read its
 * answer back: the request is written as bytes (one request per connection, `Connection: close`, so the
 * service ends the response by closing), and the response bytes are parsed into status, headers and a
 * de-chunked body. Pure and byte-exact (bodies are never decoded as text), so it is unit-tested without
 * Docker and shared with the web app's header filtering.
 */

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

export interface WireResponse {
  status: number;
  statusText: string;
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

/** Parses a complete response (the service closed the connection after it). */
export function parseHttpResponse(bytes: Uint8Array, method: string): WireResponse {
  const end = headEnd(bytes);
  if (end === null) throw new HttpWireError(bytes.length === 0 ? "the service closed the connection without answering" : "the service's answer is not an HTTP response (no end of headers)");
  const lines = new TextDecoder("latin1").decode(bytes.subarray(0, end.at)).replace(/\r$/, "").split(/\r?\n/);
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0] ?? "");
  if (!status) throw new HttpWireError(`the service's answer is not an HTTP/1.x response: ${JSON.stringify((lines[0] ?? "").slice(0, 80))}`);
  const headers: HeaderList = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const code = Number(status[1]);
  const rest = bytes.subarray(end.at + end.length);
  const get = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  let body: Uint8Array;
  if (method === "HEAD" || code === 204 || code === 304 || code < 200) body = new Uint8Array();
  else if (/chunked/i.test(get("transfer-encoding") ?? "")) body = dechunk(rest);
  else if (get("content-length") !== undefined) body = rest.subarray(0, Number(get("content-length")));
  else body = rest;
  return { status: code, statusText: status[2] ?? "", headers, body };
}

function headEnd(bytes: Uint8Array): { at: number; length: number } | null {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return { at: i, length: 2 };
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) return { at: i, length: 3 };
  }
  return null;
}

/** Decodes a chunked body; a body cut short keeps what arrived (the relay's size cap may cut it). */
export function dechunk(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const lineEnd = bytes.indexOf(10, pos);
    if (lineEnd < 0) break;
    const size = parseInt(new TextDecoder().decode(bytes.subarray(pos, lineEnd)).split(";")[0]!.trim(), 16);
    if (!Number.isFinite(size)) throw new HttpWireError("the service sent a malformed chunked body");
    if (size === 0) break;
    parts.push(bytes.subarray(lineEnd + 1, lineEnd + 1 + size));
    pos = lineEnd + 1 + size + 2; // the chunk's trailing CRLF
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
