/**
 * WebSockets to a web service inside a host, through the runner, on real Docker: a Perl WebSocket echo
 * server runs in praxis/workstation (runner/services/testing/ws-echo-server.pl), and a client with the
 * runner's token talks to it through the tunnel (the runner has no network route to the host). Also: the
 * answer when nothing listens, the token check, and that closing the client ends the tunnel in the host.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import WebSocket from "ws";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { resolveSpec } from "../environment/spec";
import { imageEnsurer } from "../images/builder";
import { removeSessionObjects } from "../provision/teardown";
import { RunnerHttpClient } from "../remote/client";
import { RELAY_TOOLS, tunnelScript, type RelayTool } from "../services/tunnel";
import { SessionManager } from "../sessions/manager";
import { TicketAuthority } from "../terminal/tickets";
import { memoryLogger } from "./logger";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "w".repeat(40);
const runtime = new DockerodeRuntime();

/** Opens a WebSocket through the runner; resolves with it once open, or rejects with the HTTP status of a refusal. */
function open(url: string, token = TOKEN): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c));
      res.on("end", () => reject(Object.assign(new Error(`${res.statusCode}: ${body}`), { status: res.statusCode })));
    });
    ws.once("error", reject);
  });
}

const next = (ws: WebSocket) => new Promise<string>((resolve) => ws.once("message", (d) => resolve(d.toString())));

describe("WebSockets to a host's web service (Docker)", { timeout: 180_000 }, () => {
  const sessions = new SessionManager({
    runtime,
    runnerId: `it-ws-${process.pid}`,
    ensureImage: imageEnsurer(runtime, path.resolve(import.meta.dirname, "..", "..", "images")),
    limits: { maxSessions: 1, maxMemoryBytes: 4 * 1024 ** 3, timeLimitMs: 600_000, idleTimeoutMs: 600_000, maxLifetimeMs: 600_000 },
  });
  let api: RunnerApi;
  let base = "";
  let id = "";
  let containerId = "";

  before(async () => {
    api = createRunnerApi({ runtime, sessions, tickets: new TicketAuthority({ secret: new Uint8Array(32).fill(4) }), apiToken: TOKEN, allowedOrigins: [], logger: memoryLogger() });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    const port = (api.server.address() as AddressInfo).port;
    const client = new RunnerHttpClient({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN });
    const server = await readFile(path.join(import.meta.dirname, "..", "services", "testing", "ws-echo-server.pl"), "utf8");
    const spec = resolveSpec({ labId: "it-ws", hosts: [{ name: "web", image: "praxis/workstation", command: ["perl", "-e", server, "8080"] }] });
    id = (await client.createSession(spec)).id;
    containerId = sessions.get(id).hosts[0]!.containerId;
    base = `ws://127.0.0.1:${port}/sessions/${id}/services/web`;
    // The server needs a moment after the container starts.
    for (let i = 0; i < 50 && (await runtime.exec(containerId, { cmd: ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"] })).exitCode !== 0; i++) await new Promise((r) => setTimeout(r, 100));
  });
  after(async () => {
    if (id) await sessions.stop(id).catch(() => undefined);
    if (id) await removeSessionObjects(runtime, id);
    await api.close();
  });

  it("carries a WebSocket both ways, with the path after the port", async () => {
    const ws = await open(`${base}/8080/app/socket?room=1`);
    const first = next(ws);
    ws.send("hello 42");
    assert.equal(await first, "echo: hello 42");
    const big = "x".repeat(70_000);
    const second = next(ws);
    ws.send(big);
    const echoed = await second;
    assert.ok(echoed === `echo: ${big}`, `a 70 kB message came back whole (got ${echoed.length} characters)`);
    ws.close();
  });

  // busybox nc is exercised against praxis/hello-web in player-routes.integration.test.ts; this image has none.
  for (const tool of RELAY_TOOLS.filter((t) => t !== "busybox")) {
    it(`tunnels with ${tool}`, async () => {
      const tunnel = await runtime.execPipe(containerId, { cmd: ["sh", "-c", tunnelScript([tool as RelayTool]), "tunnel", "8080"] });
      let answer = "";
      tunnel.stdout.on("data", (d: Buffer) => (answer += d.toString()));
      tunnel.stdin.write("GET /page HTTP/1.1\r\nHost: x\r\n\r\n");
      await tunnel.exited; // the page server closes the connection after its answer, which ends the tunnel
      assert.match(answer, /^HTTP\/1.1 200 OK[\s\S]*<h1>WebSocket echo<\/h1>/);
    });
  }

  it("ends the tunnel in the host when the client goes away", async () => {
    const count = async () => Number((await runtime.exec(containerId, { cmd: ["sh", "-c", "pgrep -fc '^timeout -k 2 [0-9]+ sh -c' || true"] })).stdout.trim() || 0);
    const ws = await open(`${base}/8080/`);
    assert.ok((await count()) >= 1, "a tunnel runs while the socket is open");
    ws.terminate();
    for (let i = 0; i < 50 && (await count()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await count(), 0);
  });

  it("refuses without the token, for an unknown host, and says when nothing listens", async () => {
    await assert.rejects(open(`${base}/8080/`, "n".repeat(40)), { status: 401 });
    await assert.rejects(open(`ws://${new URL(base).host}/sessions/${id}/services/ghost/8080/`), { status: 404 });
    await assert.rejects(open(`${base}/9/`), (e: Error & { status?: number }) => e.status === 502 && /nothing accepts connections on port 9/.test(e.message));
  });
});
