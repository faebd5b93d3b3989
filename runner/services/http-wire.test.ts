/** The relay's HTTP/1.1 framing: requests written byte-exact, response heads parsed, bodies cut by length, chunks or close as they stream. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyFraming, encodeHttpRequest, HttpWireError, parseResponseHead, ResponseBody, type BodyFraming } from "./http-wire";

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("encodeHttpRequest", () => {
  it("writes one close-delimited request with the service's own Host and drops hop-by-hop headers", () => {
    const body = new Uint8Array([0, 255, 10]);
    const out = encodeHttpRequest({
      method: "POST",
      target: "/api/items?x=1%202",
      port: 8080,
      headers: [["Content-Type", "application/octet-stream"], ["Connection", "keep-alive"], ["Host", "praxis.example"], ["Accept-Encoding", "gzip"], ["Cookie", "a=b"]],
      body,
    });
    const head = "POST /api/items?x=1%202 HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/octet-stream\r\nCookie: a=b\r\nAccept-Encoding: identity\r\nConnection: close\r\nContent-Length: 3\r\n\r\n";
    assert.deepEqual(Buffer.from(out), Buffer.concat([Buffer.from(head), Buffer.from(body)]));
  });

  it("sends no Content-Length on a bodiless GET, and refuses request smuggling", () => {
    assert.doesNotMatch(text(encodeHttpRequest({ method: "GET", target: "/", port: 80, headers: [], body: new Uint8Array() })), /Content-Length/);
    const bad = (patch: object) => () => encodeHttpRequest({ method: "GET", target: "/", port: 80, headers: [], body: new Uint8Array(), ...patch });
    assert.throws(bad({ target: "/a b" }), HttpWireError);
    assert.throws(bad({ target: "http://elsewhere/" }), HttpWireError);
    assert.throws(bad({ method: "GET /x" }), HttpWireError);
    assert.throws(bad({ headers: [["X-A", "1\r\nX-B: 2"]] }), HttpWireError);
  });
});

/** Feeds `parts` to a ResponseBody one write each and collects what it passes on (or the error it ends with). */
async function readBody(framing: BodyFraming, ...parts: Buffer[]): Promise<{ body: string; complete: boolean; error?: string }> {
  const body = new ResponseBody(framing);
  const out: Buffer[] = [];
  body.on("data", (d: Buffer) => out.push(d));
  const ended = new Promise<string | undefined>((resolve) => {
    body.on("end", () => resolve(undefined));
    body.on("error", (e) => resolve(e.message));
  });
  for (const p of parts) if (!body.writableEnded && !body.destroyed) body.write(p);
  if (!body.destroyed) body.end();
  const error = await ended;
  return { body: Buffer.concat(out).toString("latin1"), complete: body.isComplete, ...(error ? { error } : {}) };
}

describe("parseResponseHead", () => {
  it("reads status, repeated headers and where the body starts, and waits for a head that is not complete yet", () => {
    const raw = bytes("HTTP/1.1 201 Created\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\n\r\n", [0, 200, 255]);
    const head = parseResponseHead(raw)!;
    assert.deepEqual([head.status, head.statusText], [201, "Created"]);
    assert.deepEqual(head.headers.filter(([n]) => n === "Set-Cookie").map(([, v]) => v), ["a=1", "b=2"]);
    assert.deepEqual([...raw.subarray(head.length)], [0, 200, 255]);
    assert.equal(parseResponseHead(bytes("HTTP/1.1 200 OK\r\nContent-Le")), null);
    const bare = parseResponseHead(bytes("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nline 1\n"))!;
    assert.deepEqual([bare.status, bare.headers], [200, [["Content-Type", "text/plain"]]]);
  });

  it("says clearly when the answer is not HTTP", () => {
    assert.throws(() => parseResponseHead(bytes("SSH-2.0-OpenSSH_9.2\r\n\r\n")), /not an HTTP\/1.x response: "SSH-2.0/);
  });
});

describe("bodyFraming", () => {
  const head = (status: number, ...headers: [string, string][]) => ({ status, statusText: "", headers, length: 0 });
  it("follows the rules for HEAD, 1xx/204/304, chunked, Content-Length and close", () => {
    assert.deepEqual(bodyFraming("HEAD", head(200, ["Content-Length", "10"])), { kind: "none" });
    assert.deepEqual(bodyFraming("GET", head(304)), { kind: "none" });
    assert.deepEqual(bodyFraming("GET", head(204)), { kind: "none" });
    assert.deepEqual(bodyFraming("GET", head(200, ["Transfer-Encoding", "chunked"], ["Content-Length", "3"])), { kind: "chunked" });
    assert.deepEqual(bodyFraming("POST", head(200, ["content-length", "42"])), { kind: "length", length: 42 });
    assert.deepEqual(bodyFraming("GET", head(200, ["Content-Type", "text/event-stream"])), { kind: "close" });
    assert.throws(() => bodyFraming("GET", head(200, ["Content-Length", "-1"])), HttpWireError);
  });
});

describe("ResponseBody", () => {
  it("passes a Content-Length body byte-exact, ends at its length and drops what follows", async () => {
    const r = await readBody({ kind: "length", length: 4 }, bytes([0, 255]), bytes([13, 10], "trailing junk"));
    assert.deepEqual(r, { body: "\x00\xff\r\n", complete: true });
  });

  it("decodes chunks split anywhere, extensions and trailers included", async () => {
    const wire = "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\nafter";
    const whole = await readBody({ kind: "chunked" }, bytes(wire));
    assert.deepEqual(whole, { body: "hello world", complete: true });
    const byteByByte = await readBody({ kind: "chunked" }, ...[...wire].map((c) => bytes(c)));
    assert.deepEqual(byteByByte, { body: "hello world", complete: true });
  });

  it("reads to the close when no length is given (HTTP/1.0, CGI, server-sent events)", async () => {
    assert.deepEqual(await readBody({ kind: "close" }, bytes("data: 1\n\n"), bytes("data: 2\n\n")), { body: "data: 1\n\ndata: 2\n\n", complete: false });
  });

  it("is empty and complete at once for bodiless answers", async () => {
    assert.deepEqual(await readBody({ kind: "none" }), { body: "", complete: true });
    assert.deepEqual(await readBody({ kind: "length", length: 0 }, bytes("x")), { body: "", complete: true });
  });

  it("fails, rather than ending normally, when the answer breaks off before the body is complete", async () => {
    const short = await readBody({ kind: "length", length: 10 }, bytes("abc"));
    assert.equal(short.body, "abc");
    assert.match(short.error ?? "", /ended before its body was complete/);
    const cut = await readBody({ kind: "chunked" }, bytes("3\r\nabc\r\n10\r\nonly-part"));
    assert.match(cut.error ?? "", /ended before its body was complete/);
    const garbled = await readBody({ kind: "chunked" }, bytes("zz\r\nabc\r\n"));
    assert.match(garbled.error ?? "", /malformed chunked body \(chunk size "zz"\)/);
  });
});
