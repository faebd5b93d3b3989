/**
 * The lab player's runner routes over HTTP on the in-memory runtime: scripts (setup/solve) with exit code,
 * capped output and timeouts; web services relayed through an exec in the host, byte-exact, with the
 * service's own status and headers, the runner token kept from the service, and errors told apart from
 * the service's answers. Docker behaviour (the real relay) is in services.integration.test.ts.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { FakeRuntime, type FakeExecCall } from "../docker/fake-runtime";
import { RunnerHttpClient, RunnerRequestError } from "../remote/client";
import { SessionManager } from "../sessions/manager";
import { TicketAuthority } from "../terminal/tickets";
import { memoryLogger } from "./logger";
import { SCRIPT_OUTPUT_CAP } from "./routes-scripts";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "t".repeat(40);
const isRelay = (c: FakeExecCall) => c.cmd[0] === "timeout" && c.cmd.includes("relay");

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
  const relayed: FakeExecCall[] = [];

  before(async () => {
    api = createRunnerApi({ runtime, sessions, tickets: new TicketAuthority({ secret: new Uint8Array(32).fill(1) }), apiToken: TOKEN, allowedOrigins: [], logger: memoryLogger() });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    client = new RunnerHttpClient({ baseUrl: base, token: TOKEN });
    id = (await client.createSession({ labId: "lab", egress: false, hosts: [{ name: "web", image: "img", privileged: false, capAdd: [], env: {}, files: [], setup: [], resources: { nanoCpus: 1e9, memoryBytes: 64 * 1024 * 1024, pids: 64 } }] })).id;
    runtime.onExec((c) => {
      if (!isRelay(c)) return undefined;
      relayed.push(c);
      const port = c.cmd.at(-1);
      if (port === "9") return { exitCode: 97, stderr: "connect: Connection refused\n" };
      if (port === "7") return { exitCode: 124 };
      const req = Buffer.from(c.stdinBytes);
      const body = req.subarray(req.indexOf("\r\n\r\n") + 4);
      const head = `HTTP/1.1 418 I'm a teapot\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Echo-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from([0xff, 0x00]), body]);
      return { exitCode: 0, stdoutBytes: Buffer.concat([Buffer.from(head), Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from("\r\n0\r\n\r\n")]) };
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
    assert.equal(res.headers.get("transfer-encoding"), null, "the chunked framing was the relay's business");
    assert.equal(res.headers.get("x-echo-length"), "4");
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer())], [0xff, 0x00, 1, 2, 0, 254]);
    const sent = Buffer.from(relayed.at(-1)!.stdinBytes).toString("latin1");
    assert.match(sent, /^POST \/api\/x\?q=%2F HTTP\/1\.1\r\nHost: localhost:8080\r\n/);
    assert.match(sent, /\r\ncookie: s=1\r\n/);
    assert.doesNotMatch(sent, /authorization|Bearer/i, "the runner token never reaches the service");
    assert.deepEqual(relayed.at(-1)!.cmd.slice(-2), ["relay", "8080"]);
  });

  it("keeps the path after the port as sent, including a bare port and a trailing slash", async () => {
    await client.proxyService(id, "web", 8080, { method: "GET", target: "", headers: [] });
    assert.match(Buffer.from(relayed.at(-1)!.stdinBytes).toString(), /^GET \/ HTTP/);
    await client.proxyService(id, "web", 8080, { method: "GET", target: "/dir/a%20b/", headers: [] });
    assert.match(Buffer.from(relayed.at(-1)!.stdinBytes).toString(), /^GET \/dir\/a%20b\/ HTTP/);
  });

  it("tells runner errors from service answers: nothing listening, timeout, bad port, unknown host", async () => {
    const failure = (status: number, code: string) => (e: unknown) => e instanceof RunnerRequestError && e.status === status && e.code === code;
    await assert.rejects(client.proxyService(id, "web", 9, { method: "GET", target: "/", headers: [] }), failure(502, "not_listening"));
    await assert.rejects(client.proxyService(id, "web", 7, { method: "GET", target: "/", headers: [] }), failure(504, "timed_out"));
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
