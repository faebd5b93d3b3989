/** The relay's HTTP/1.1 framing: requests written byte-exact, responses parsed by length, chunks or close. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dechunk, encodeHttpRequest, HttpWireError, parseHttpResponse } from "./http-wire";

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

describe("parseHttpResponse", () => {
  it("reads status, repeated headers and a Content-Length body, keeping bytes exact", () => {
    const r = parseHttpResponse(bytes("HTTP/1.1 201 Created\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\n\r\n", [0, 200, 255], "trailing junk"), "POST");
    assert.equal(r.status, 201);
    assert.equal(r.statusText, "Created");
    assert.deepEqual(r.headers.filter(([n]) => n === "Set-Cookie").map(([, v]) => v), ["a=1", "b=2"]);
    assert.deepEqual([...r.body], [0, 200, 255]);
  });

  it("decodes chunked bodies and reads to the close when no length is given (HTTP/1.0, CGI)", () => {
    const chunked = parseHttpResponse(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"), "GET");
    assert.equal(text(chunked.body), "hello world");
    const closed = parseHttpResponse(bytes("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nline 1\nline 2\n"), "GET");
    assert.deepEqual([closed.status, closed.headers, text(closed.body)], [200, [["Content-Type", "text/plain"]], "line 1\nline 2\n"]);
  });

  it("gives HEAD and 204/304 answers an empty body", () => {
    assert.equal(parseHttpResponse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"), "HEAD").body.length, 0);
    assert.equal(parseHttpResponse(bytes("HTTP/1.1 304 Not Modified\r\n\r\nxx"), "GET").body.length, 0);
  });

  it("says clearly when the answer is not HTTP", () => {
    assert.throws(() => parseHttpResponse(new Uint8Array(), "GET"), /closed the connection without answering/);
    assert.throws(() => parseHttpResponse(bytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"), "GET"), /not an HTTP\/1.x response: "SSH-2.0/);
    assert.throws(() => parseHttpResponse(bytes("HTTP/1.1 200 OK\r\nContent-Le"), "GET"), /no end of headers/);
  });

  it("keeps what arrived of a chunked body cut short", () => {
    assert.equal(text(dechunk(bytes("3\r\nabc\r\n10\r\nonly-part"))), "abconly-part");
  });
});
