/** HTTP checks, pure part: responses as curl, GNU wget and bash /dev/tcp print them, and the messages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { HttpExpectation } from "../../format/types-host-checks";
import { judgeHttp } from "./evaluate";
import { parseHttpReport, type ClientOutput } from "./response";

const out = (tool: string, response: string, rest: Partial<ClientOutput> = {}): ClientOutput => ({
  stdout: `@@praxis:tool@@\n${tool}\n@@praxis:response@@\n${response}`,
  stderr: "",
  exitCode: 0,
  timedOut: false,
  truncated: false,
  ...rest,
});
const expectation = (e: Partial<HttpExpectation>): HttpExpectation => ({ status: [], contains: [], matches: [], headers: {}, ...e });
const GET = { method: "GET", url: "http://web:8080/health" };

describe("parseHttpReport", () => {
  it("reads curl -i output, skipping 100 Continue", () => {
    const raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Id: 7\r\n\r\n{\"ok\":true}";
    assert.deepEqual(parseHttpReport(out("curl", raw), 5000), {
      response: { status: 201, headers: [["content-type", "application/json"], ["x-id", "7"]], body: '{"ok":true}', truncated: false },
    });
    assert.deepEqual(parseHttpReport(out("curl", "HTTP/2 204 \r\nserver: x\r\n\r\n"), 5000), { response: { status: 204, headers: [["server", "x"]], body: "", truncated: false } });
  });

  it("reads GNU wget's -S log for the status and headers", () => {
    const stderr = "--2026-01-01--  http://web/\nConnecting to web... connected.\n  HTTP/1.1 404 Not Found\n  Content-type: text/html\nhttp://web/:\nERROR 404: Not Found.\n";
    assert.deepEqual(parseHttpReport(out("wget", "<h1>404</h1>", { stderr, exitCode: 8 }), 5000), {
      response: { status: 404, headers: [["content-type", "text/html"]], body: "<h1>404</h1>", truncated: false },
    });
    assert.deepEqual(parseHttpReport(out("wget", "", { stderr: "Connecting to web:8080... failed: Connection refused.\n", exitCode: 4 }), 5000), { error: "Connection refused" });
  });

  it("decodes a chunked body read through /dev/tcp", () => {
    const raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    assert.equal((parseHttpReport(out("bash", raw), 5000) as { response: { body: string } }).response.body, "hello world");
  });

  it("turns client failures into short reasons", () => {
    const refused = out("curl", "", { exitCode: 7, stderr: "curl: (7) Failed to connect to web port 8080 after 2 ms: Couldn't connect to server\n" });
    assert.deepEqual(parseHttpReport(refused, 5000), { error: "Failed to connect to web port 8080 after 2 ms: Couldn't connect to server" });
    assert.deepEqual(parseHttpReport(out("curl", "", { exitCode: 28, stderr: "curl: (28) Operation timed out\n" }), 3000), { error: "no answer within 3s" });
    assert.deepEqual(parseHttpReport(out("bash", "", { exitCode: 1, stderr: "bash: line 1: connect: Connection refused\nbash: line 1: /dev/tcp/web/8080: Connection refused\n" }), 5000), { error: "Connection refused" });
    const none = { ...out("none", ""), stdout: "@@praxis:tool@@\nnone\n@@praxis:error@@\nthis host has no curl, wget or bash to make the request with\n" };
    assert.deepEqual(parseHttpReport(none, 5000), { error: "this host has no curl, wget or bash to make the request with" });
  });
});

describe("judgeHttp", () => {
  const ok = (body: string, headers: [string, string][] = []) => ({ response: { status: 200, headers, body, truncated: false } });

  it("passes on a 2xx by default, and on the listed codes", () => {
    assert.equal(judgeHttp(GET, expectation({}), ok("fine")).passed, true);
    assert.equal(judgeHttp(GET, expectation({ status: [301, 302] }), { response: { status: 302, headers: [], body: "", truncated: false } }).passed, true);
  });

  it("reports a wrong status with a glimpse of the body, and nothing else", () => {
    const down = { response: { status: 503, headers: [], body: "upstream not ready\n", truncated: false } };
    assert.equal(judgeHttp(GET, expectation({ status: [200], contains: ["ok"] }), down).message, 'GET http://web:8080/health: expected status 200, got 503 (body: "upstream not ready")');
    assert.equal(judgeHttp(GET, expectation({}), { response: { ...down.response, body: "" } }).message, "GET http://web:8080/health: expected a 2xx status, got 503");
  });

  it("checks the body and the headers", () => {
    const e = expectation({
      contains: ['"status"'],
      matches: ['"version":\\s*"2\\.'],
      json: { partial: { status: "ok" } },
      headers: { "Content-Type": "application/json", "X-Powered-By": null, "Cache-Control": "no-store" },
    });
    const good = ok('{"status":"ok","version":"2.1"}', [["content-type", "application/json; charset=utf-8"]]);
    assert.equal(judgeHttp(GET, { ...e, headers: { "Content-Type": "application/json", "X-Powered-By": null } }, good).passed, true);
    const bad = ok('{"status":"down","version":"1.9"}', [["content-type", "text/plain"], ["x-powered-by", "Express"]]);
    assert.equal(
      judgeHttp(GET, e, bad).message,
      'GET http://web:8080/health: nothing in the body matches /"version":\\s*"2\\./ (body: "{\\"status\\":\\"down\\",\\"version\\":\\"1.9\\"}"); body.status: expected "ok", got "down"; header Content-Type: expected it to contain "application/json", got "text/plain"; header X-Powered-By: expected none, got "Express"; header Cache-Control: missing',
    );
    assert.match(judgeHttp(GET, expectation({ json: {} }), ok("<html>")).message, /^GET http:\/\/web:8080\/health: the body is not valid JSON: /);
  });

  it("names the request when it failed", () => {
    assert.deepEqual(judgeHttp({ method: "POST", url: "http://api/x" }, expectation({}), { error: "Connection refused" }), { passed: false, message: "POST http://api/x: Connection refused" });
  });
});
