/**
 * The runner API end to end over HTTP, with the real SessionManager on the in-memory runtime:
 * auth, routes, error mapping, tickets that open a terminal, and metrics.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { FakeRuntime } from "../docker/fake-runtime";
import { SessionManager } from "../sessions/manager";
import { TerminalClient } from "../terminal/client";
import { TicketAuthority } from "../terminal/tickets";
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

  it("creates a session, then refuses the next one at capacity with 503", async () => {
    const created = await call("POST", "/sessions", spec);
    assert.equal(created.status, 201);
    assert.equal(created.body.state, "ready");
    assert.deepEqual(created.body.hosts, [{ name: "node" }]);
    sessionId = created.body.id;
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
    client.write("pwd\r");
    assert.equal(await echoed, "pwd\r");
    client.close();
    await client.closed;
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
  });

  it("stops a session; its terminals are then out of reach", async () => {
    const stopped = await call("DELETE", `/sessions/${sessionId}`);
    assert.equal(stopped.body.state, "stopped");
    assert.equal((await call("POST", `/sessions/${sessionId}/tickets`, { host: "node" })).status, 404);
    assert.equal((await runtime.listContainers({ "praxis.session": sessionId })).length, 0);
    assert.ok(logger.entries.some((e) => e.event === "http.request" && e.status === 201 && e.path === "/sessions"));
  });
});
