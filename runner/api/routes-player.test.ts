/**
 * The lab player's runner routes over HTTP on the in-memory runtime: scripts (setup/solve) with exit code,
 * capped output and timeouts; web services reached through a tunnel into the host, byte-exact and streamed,
 * with the service's own status and headers, the runner token kept from the service, and errors told apart
 * from the service's answers. Docker behaviour (the real relay) is in player-routes.integration.test.ts.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { FakeRuntime, type FakeExecCall } from "../docker/fake-runtime";
import { fakeService, type FakeService } from "../services/testing/fake-service";
import { RunnerHttpClient, RunnerRequestError } from "../remote/client";
import { SessionManager } from "../sessions/manager";
import { TicketAuthority } from "../terminal/tickets";
import { memoryLogger } from "./logger";
import { SCRIPT_OUTPUT_CAP } from "./routes-scripts";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "t".repeat(40);

describe("runner player routes", () => {
  const runtime = new FakeRuntime({ images: ["img"] });
  const sessions = new SessionManager({
    runtime,
    runnerId: "r-player",
    limits: { maxSessions: 2, maxMemoryBytes: 4096 * 1024 * 1024, timeLimitMs: 3_600_000, idleTimeoutMs: 900_000, maxLifetimeMs: 7_200_000 },
  });
  let api: RunnerApi;
  let client: RunnerHttpClient;
  let base = "";
  let id = "";
  let teapot: FakeService;
  let events: FakeService;
  let nextEvent: (data: string) => void = () => undefined;

  before(async () => {
    api = createRunnerApi({ runtime, sessions, tickets: new TicketAuthority({ secret: new Uint8Array(32).fill(1) }), apiToken: TOKEN, allowedOrigins: [], logger: memoryLogger() });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    client = new RunnerHttpClient({ baseUrl: base, token: TOKEN });
    id = (await client.createSession({ labId: "lab", egress: false, hosts: [{ name: "web", image: "img", privileged: false, capAdd: [], env: {}, files: [], setup: [], resources: { nanoCpus: 1e9, memoryBytes: 64 * 1024 * 1024, pids: 64 } }] })).id;
    teapot = fakeService(runtime, 8080, ({ body }, call) => {
      const payload = Buffer.concat([Buffer.from([0xff, 0x00]), body]);
      call.output.write(`HTTP/1.1 418 I'm a teapot\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Echo-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      call.output.write(Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from("\r\n0\r\n\r\n")]));
      call.exit(0);
    });
    runtime.onPipe((call) => (call.cmd.at(-1) === "9" ? (call.exit(97, "connect: Connection refused\n"), true) : false));
    fakeService(runtime, 7, (_request, call) => {
      call.output.write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
      call.exit(0);
    });
    events = fakeService(runtime, 8081, (_request, call) => {
      call.output.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: first\n\n");
      nextEvent = (data) => call.output.write(`data: ${data}\n\n`);
    });
    fakeService(runtime, 8082, (_request, call) => {
      call.output.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
      call.exit(0);
    });
    runtime.onExec((c) => {
      if (c.cmd[0] !== "timeout") return undefined;
      if (c.stdin.includes("sleep")) return { exitCode: -1, timedOut: true };
      if (c.stdin.includes("noisy")) return { exitCode: 0, stdout: "x".repeat(SCRIPT_OUTPUT_CAP), stderr: "the end\n" };
      return { exitCode: 3, stdout: "setting up\n", stderr: "oops\n" };
    });
  });
  after(() => api.close());

  it("runs a script on a host: exit code, merged output, timeout, and the end of a long output", async () => {
    const { durationMs, ...failed } = await client.runScript(id, { host: "web", script: "#!/bin/sh\nfalse" });
    assert.deepEqual(failed, { exitCode: 3, output: "setting up\noops\n", timedOut: false });
    assert.equal(typeof durationMs, "number");
    const slow = await client.runScript(id, { host: "web", script: "sleep 99", timeoutMs: 1000 });
    assert.equal(slow.timedOut, true);
    const noisy = await client.runScript(id, { host: "web", script: "noisy" });
    assert.equal(noisy.output.length, SCRIPT_OUTPUT_CAP);
    assert.ok(noisy.output.endsWith("the end\n"), "keeps the end, where errors are");
    await assert.rejects(client.runScript(id, { host: "ghost", script: "true" }), (e) => e instanceof RunnerRequestError && e.status === 404);
    await assert.rejects(client.runScript(id, { host: "web", script: "" }), (e) => e instanceof RunnerRequestError && e.status === 400);
  });

  it("relays a request to a service byte-exact and answers with the service's status, headers and body", async () => {
    const body = new Uint8Array([1, 2, 0, 254]);
    const res = await client.proxyService(id, "web", 8080, { method: "POST", target: "/api/x?q=%2F", headers: [["content-type", "application/octet-stream"], ["cookie", "s=1"]], body });
    assert.equal(res.status, 418);
    assert.deepEqual(res.headers.getSetCookie(), ["a=1", "b=2"]);
    assert.equal(res.headers.get("x-echo-length"), "4");
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer())], [0xff, 0x00, 1, 2, 0, 254]);
    const sent = teapot.requests.at(-1)!;
    assert.match(sent.head, /^POST \/api\/x\?q=%2F HTTP\/1\.1\r\nHost: localhost:8080\r\n/);
    assert.match(sent.head, /\r\ncookie: s=1\r\n/);
    assert.doesNotMatch(sent.head, /authorization|Bearer/i, "the runner token never reaches the service");
    assert.deepEqual([...sent.body], [1, 2, 0, 254]);
    assert.deepEqual(sent.cmd.slice(-2), ["tunnel", "8080"]);
  });

  it("keeps the path after the port as sent, including a bare port and a trailing slash", async () => {
    await client.proxyService(id, "web", 8080, { method: "GET", target: "", headers: [] });
    assert.match(teapot.requests.at(-1)!.head, /^GET \/ HTTP/);
    await client.proxyService(id, "web", 8080, { method: "GET", target: "/dir/a%20b/", headers: [] });
    assert.match(teapot.requests.at(-1)!.head, /^GET \/dir\/a%20b\/ HTTP/);
  });

  it("streams an answer as the service sends it (server-sent events) and ends the tunnel when the caller leaves", async () => {
    const abort = new AbortController();
    const res = await client.proxyService(id, "web", 8081, { method: "GET", target: "/events", headers: [["accept", "text/event-stream"]], signal: abort.signal });
    assert.equal(res.headers.get("content-type"), "text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    assert.equal(decoder.decode((await reader.read()).value), "data: first\n\n", "the first event arrives while the service is still sending");
    nextEvent("second");
    assert.equal(decoder.decode((await reader.read()).value), "data: second\n\n");
    abort.abort();
    await reader.cancel().catch(() => undefined);
    for (let i = 0; i < 50 && events.closed() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(events.closed(), 1, "the service's connection is closed when the caller goes away");
  });

  it("breaks the response off, rather than ending it as if complete, when the service's body is cut short", async () => {
    const res = await client.proxyService(id, "web", 8082, { method: "GET", target: "/", headers: [] });
    assert.equal(res.status, 200);
    await assert.rejects(res.arrayBuffer());
  });

  it("tells runner errors from service answers: nothing listening, not HTTP, bad port, unknown host", async () => {
    const failure = (status: number, code: string) => (e: unknown) => e instanceof RunnerRequestError && e.status === status && e.code === code;
    await assert.rejects(client.proxyService(id, "web", 9, { method: "GET", target: "/", headers: [] }), failure(502, "not_listening"));
    await assert.rejects(client.proxyService(id, "web", 7, { method: "GET", target: "/", headers: [] }), failure(502, "bad_response"));
    await assert.rejects(client.proxyService(id, "web", 70000, { method: "GET", target: "/", headers: [] }), failure(400, "bad_request"));
    await assert.rejects(client.proxyService(id, "ghost", 80, { method: "GET", target: "/", headers: [] }), failure(404, "not_found"));
    const anonymous = await fetch(`${base}/sessions/${id}/services/web/8080/`);
    assert.equal(anonymous.status, 401);
  });

  it("closes one terminal of a host by ending its tmux session, and refuses bad ids and unknown hosts", async () => {
    const closes: FakeExecCall[] = [];
    runtime.onExec((c) => (c.cmd.includes("praxis-terminal-close") ? (closes.push(c), { exitCode: 0 }) : undefined));
    await client.closeTerminal(id, "web", "2");
    assert.deepEqual(closes.map((c) => [c.container.name.endsWith("web"), c.cmd.at(-1)]), [[true, "2"]]);
    const failure = (status: number) => (e: unknown) => e instanceof RunnerRequestError && e.status === status;
    await assert.rejects(client.closeTerminal(id, "web", "no/such"), failure(400));
    await assert.rejects(client.closeTerminal(id, "web", "-bad"), failure(400));
    await assert.rejects(client.closeTerminal(id, "ghost", "2"), failure(404));
    assert.equal(closes.length, 1);
  });
});
