/**
 * The runner API end to end over HTTP, with the real SessionManager on the in-memory runtime:
 * auth, routes, error mapping, non-blocking creation followed over Server-Sent Events, tickets that open
 * a terminal (whose keystrokes count as activity), checks, reset, and metrics.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { FakeRuntime } from "../docker/fake-runtime";
import { SessionManager } from "../sessions/manager";
import { TerminalClient } from "../terminal/client";
import { TicketAuthority } from "../terminal/tickets";
import { RunnerHttpClient } from "../remote/client";
import { memoryLogger } from "./logger";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "x".repeat(40);
const ORIGIN = "http://app.test";
const MiB = 1024 * 1024;

describe("runner API", () => {
  const runtime = new FakeRuntime({ images: ["img"] });
  const sessions = new SessionManager({
    runtime,
    runnerId: "r-test",
    limits: { maxSessions: 1, maxMemoryBytes: 4096 * MiB, timeLimitMs: 3_600_000, idleTimeoutMs: 900_000, maxLifetimeMs: 7_200_000 },
  });
  const logger = memoryLogger();
  let api: RunnerApi;
  let base = "";

  before(async () => {
    api = createRunnerApi({
      runtime,
      sessions,
      tickets: new TicketAuthority({ secret: new Uint8Array(32).fill(5) }),
      apiToken: TOKEN,
      allowedOrigins: [ORIGIN],
      logger,
    });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });
  after(() => api.close());

  async function call(method: string, path: string, body?: unknown, token = TOKEN) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: res.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : text };
  }

  const spec = { spec: { labId: "lab-a", hosts: [{ name: "node", image: "img", files: [{ targetPath: "/root/a.txt", contentBase64: "aGk=" }] }] } };
  let sessionId = "";

  it("answers /healthz without a token, and nothing else", async () => {
    assert.deepEqual(await call("GET", "/healthz", undefined, ""), { status: 200, body: { status: "ok" } });
    for (const path of ["/sessions", "/metrics", "/no-such-route"]) {
      const r = await call("GET", path, undefined, "wrong-token");
      assert.equal(r.status, 401, path);
      assert.equal(r.body.error.code, "unauthorized");
    }
  });

  it("rejects malformed and invalid environments with 400 and every problem", async () => {
    const bad = await call("POST", "/sessions", { spec: { labId: "x", hosts: [{ name: "n", image: "img", typo: 1 }] } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /spec\.hosts\.0/);
    const invalid = await call("POST", "/sessions", { spec: { labId: "x", hosts: [{ name: "Bad_Name", image: "" }] } });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, "invalid_environment");
    assert.equal(invalid.body.error.details.problems.length, 2);
  });

  it("creates a session without waiting, streams its progress, then refuses the next one at capacity", async () => {
    const created = await call("POST", "/sessions", spec);
    assert.equal(created.status, 202);
    assert.equal(created.body.state, "provisioning");
    sessionId = created.body.id;
    const client = new RunnerHttpClient({ baseUrl: base, token: TOKEN });
    const events = [];
    for await (const e of client.followEvents(sessionId, 10_000)) events.push(e);
    assert.deepEqual(events[0], { type: "steps", steps: ["ensure-images", "create-network", "start-hosts", "copy-files", "run-setup"] });
    const steps = events.flatMap((e) => (e.type === "progress" && e.status === "done" ? [e.step] : []));
    assert.deepEqual(steps, ["ensure-images", "create-network", "start-hosts", "copy-files", "run-setup"]);
    const last = events.at(-1);
    assert.ok(last?.type === "state" && last.session.state === "ready" && last.session.hosts[0]?.name === "node");
    // A late subscriber gets the whole history and an ended stream.
    assert.equal((await call("GET", `/sessions/${sessionId}/events`)).body.match(/event: progress/g)?.length > 5, true);
    assert.equal((await call("GET", "/sessions/nope/events")).status, 404);
    assert.equal(new TextDecoder().decode(runtime.filesOf(`praxis-${sessionId}-node`).get("/root/a.txt")?.content), "hi");
    const full = await call("POST", "/sessions", spec);
    assert.equal(full.status, 503);
    assert.equal(full.body.error.code, "at_capacity");
  });

  it("reads, lists and extends sessions; unknown ids are 404", async () => {
    assert.equal((await call("GET", `/sessions/${sessionId}`)).body.id, sessionId);
    assert.equal((await call("GET", "/sessions")).body.sessions.length, 1);
    assert.equal((await call("GET", "/sessions/nope")).status, 404);
    const before = Date.parse((await call("GET", `/sessions/${sessionId}`)).body.expiresAt);
    const extended = await call("POST", `/sessions/${sessionId}/extend`, { byMs: 600_000 });
    assert.equal(extended.status, 200);
    assert.ok(Date.parse(extended.body.expiresAt) >= before + 600_000);
    assert.equal((await call("POST", `/sessions/${sessionId}/extend`, { byMs: -1 })).status, 400);
    assert.equal((await call("PUT", `/sessions/${sessionId}`)).status, 405);
  });

  it("mints a ticket that opens the host's terminal", async () => {
    assert.equal((await call("POST", `/sessions/${sessionId}/tickets`, { host: "ghost" })).status, 404);
    assert.equal((await call("POST", `/sessions/${sessionId}/tickets`, { host: "node", terminalId: "../x" })).status, 400);
    const minted = await call("POST", `/sessions/${sessionId}/tickets`, { host: "node" });
    assert.equal(minted.status, 201);
    const client = await TerminalClient.connect(`${base.replace("http", "ws")}${minted.body.path}`, { origin: ORIGIN });
    assert.equal(client.terminalId, "main");
    const echoed = new Promise<string>((r) => client.onOutput((d) => r(new TextDecoder().decode(d))));
    const idleBefore = sessions.get(sessionId).lastActivityAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    client.write("pwd\r");
    assert.equal(await echoed, "pwd\r");
    assert.ok(sessions.get(sessionId).lastActivityAt.getTime() > idleBefore, "a keystroke postpones the idle timeout");
    client.close();
    await client.closed;
  });

  it("runs a check script on a host and reports pass or fail", async () => {
    runtime.onExec((c) => {
      if (c.cmd[0] !== "timeout") return undefined;
      return c.stdin.includes("grep") ? { exitCode: 1, stdout: "FAIL: nginx is not running\n" } : { exitCode: 0 };
    });
    const failed = await call("POST", `/sessions/${sessionId}/checks`, { host: "node", script: "#!/bin/sh\ngrep -q nginx /proc/*/comm" });
    assert.equal(failed.status, 200);
    assert.deepEqual([failed.body.passed, failed.body.message], [false, "nginx is not running"]);
    const passed = await call("POST", `/sessions/${sessionId}/checks`, { host: "node", script: "true" });
    assert.equal(passed.body.passed, true);
    assert.equal((await call("POST", `/sessions/${sessionId}/checks`, { host: "ghost", script: "true" })).status, 404);
    assert.equal((await call("POST", `/sessions/${sessionId}/checks`, { host: "node" })).status, 400);
  });

  it("maps file-access errors before touching the container", async () => {
    const files = `/sessions/${sessionId}/hosts/node`;
    const traversal = await call("GET", `${files}/file?path=/root/../etc/shadow&root=/root`);
    assert.equal(traversal.status, 400);
    assert.equal(traversal.body.error.code, "bad_path");
    assert.equal((await call("GET", `${files}/files?path=/root`)).status, 400, "roots are required");
    assert.equal((await call("GET", `/sessions/${sessionId}/hosts/ghost/files?path=/root&root=/root`)).status, 404);
  });

  it("exposes Prometheus metrics", async () => {
    const { status, body } = await call("GET", "/metrics");
    assert.equal(status, 200);
    assert.match(body, /^praxis_sessions\{state="ready"\} 1$/m);
    assert.match(body, /^praxis_provision_duration_seconds_count\{outcome="ready"\} 1$/m);
    assert.match(body, /^praxis_terminal_bytes_total\{direction="in"\} 4$/m);
    assert.match(body, /^praxis_terminals_open 0$/m);
    assert.match(body, /^praxis_check_duration_seconds_count\{outcome="failed"\} 1$/m);
  });

  it("resets a session to fresh containers, following the same events", async () => {
    const before = sessions.get(sessionId).hosts[0]!.containerId;
    const reset = await call("POST", `/sessions/${sessionId}/reset`, {});
    assert.equal(reset.status, 202);
    assert.equal(reset.body.state, "provisioning");
    const ready = await new RunnerHttpClient({ baseUrl: base, token: TOKEN }).waitUntilSettled(sessionId);
    assert.equal(ready.state, "ready");
    assert.notEqual(sessions.get(sessionId).hosts[0]!.containerId, before);
    assert.equal((await call("POST", "/sessions/nope/reset", {})).status, 404);
  });

  it("stops a session; its terminals are then out of reach", async () => {
    const stopped = await call("DELETE", `/sessions/${sessionId}`);
    assert.equal(stopped.body.state, "stopped");
    assert.equal((await call("POST", `/sessions/${sessionId}/tickets`, { host: "node" })).status, 404);
    assert.equal((await runtime.listContainers({ "praxis.session": sessionId })).length, 0);
    assert.ok(logger.entries.some((e) => e.event === "http.request" && e.status === 202 && e.path === "/sessions"));
  });
});
