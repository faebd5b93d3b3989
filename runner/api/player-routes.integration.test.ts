/**
 * The lab player's runner routes on real Docker: a step's script runs on a host (exit code, output, a
 * timeout that really stops it), and a web service inside a host answers through the runner although the
 * runner has no network route to the host: busybox httpd in praxis/hello-web, reached through a tunnel
 * with each tool it can use (bash, perl, busybox nc), byte-exact in both directions and streamed. Needs dockerd; the
 * praxis/hello-web image is built from images/ when it is missing.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { resolveSpec } from "../environment/spec";
import { imageEnsurer } from "../images/builder";
import { removeSessionObjects } from "../provision/teardown";
import { RunnerHttpClient, RunnerRequestError } from "../remote/client";
import { createHash } from "node:crypto";
import { text } from "node:stream/consumers";
import { ServiceError } from "../services/errors";
import { exchangeHttp } from "../services/http-exchange";
import { openTunnel, type RelayTool } from "../services/tunnel";
import { SessionManager } from "../sessions/manager";
import { TicketAuthority } from "../terminal/tickets";
import { memoryLogger } from "./logger";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "i".repeat(40);
const runtime = new DockerodeRuntime();
// The image runs as nobody, so the site is served from a copy it may write to.
const SERVE = "cp -r /srv/www /tmp/www && exec busybox httpd -f -p 8080 -h /tmp/www";
const ECHO_CGI = [
  "cat > /tmp/www/cgi-bin/echo <<'CGI'",
  "#!/bin/sh",
  `printf 'Content-Type: application/octet-stream\\r\\nX-Method: %s\\r\\n\\r\\n' "$REQUEST_METHOD"`,
  'head -c "$CONTENT_LENGTH"',
  "CGI",
  "chmod 755 /tmp/www/cgi-bin/echo",
  "printf '\\000\\377\\r\\n\\200binary' > /tmp/www/bin.dat",
  "echo prepared",
].join("\n");

describe("player routes on Docker", { timeout: 180_000 }, () => {
  const sessions = new SessionManager({
    runtime,
    runnerId: `it-player-${process.pid}`,
    ensureImage: imageEnsurer(runtime, path.resolve(import.meta.dirname, "..", "..", "images")),
    limits: { maxSessions: 1, maxMemoryBytes: 4 * 1024 ** 3, timeLimitMs: 600_000, idleTimeoutMs: 600_000, maxLifetimeMs: 600_000 },
  });
  let api: RunnerApi;
  let client: RunnerHttpClient;
  let id = "";
  let containerId = "";

  before(async () => {
    api = createRunnerApi({ runtime, sessions, tickets: new TicketAuthority({ secret: new Uint8Array(32).fill(2) }), apiToken: TOKEN, allowedOrigins: [], logger: memoryLogger() });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    client = new RunnerHttpClient({ baseUrl: `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`, token: TOKEN });
    const spec = resolveSpec({ labId: "it-player", hosts: [{ name: "web", image: "praxis/hello-web", command: ["sh", "-c", SERVE] }] });
    id = (await client.createSession(spec)).id;
    containerId = sessions.get(id).hosts[0]!.containerId;
  });
  after(async () => {
    await client.stopSession(id).catch(() => undefined);
    if (id) await removeSessionObjects(runtime, id);
    await api.close();
  });

  it("runs a script on the host and reports its exit code and output", async () => {
    const prepared = await client.runScript(id, { host: "web", script: ECHO_CGI });
    assert.deepEqual([prepared.exitCode, prepared.output, prepared.timedOut], [0, "prepared\n", false]);
    const failed = await client.runScript(id, { host: "web", script: "#!/bin/bash\necho step one\necho 'no such thing' >&2\nexit 4" });
    assert.deepEqual([failed.exitCode, failed.output], [4, "step one\nno such thing\n"]);
  });

  it("stops a script at its timeout", async () => {
    const slow = await client.runScript(id, { host: "web", script: "sleep 30", timeoutMs: 1000 });
    assert.equal(slow.timedOut, true);
    assert.ok(slow.durationMs < 6000, `took ${slow.durationMs} ms`);
  });

  it("proxies GET to the service in the host: its page, its status, and binary bodies byte for byte", async () => {
    const page = await client.proxyService(id, "web", 8080, { method: "GET", target: "/", headers: [["accept", "text/html"]] });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<a href="\/cgi-bin\/hello">hello<\/a>/);
    const hello = await client.proxyService(id, "web", 8080, { method: "GET", target: "/cgi-bin/hello", headers: [] });
    assert.match(await hello.text(), /^Hello from Praxis — served by web\n$/);
    const bin = await client.proxyService(id, "web", 8080, { method: "GET", target: "/bin.dat", headers: [] });
    assert.deepEqual(Buffer.from(await bin.arrayBuffer()), Buffer.concat([Buffer.from([0, 255, 13, 10, 128]), Buffer.from("binary")]));
    const missing = await client.proxyService(id, "web", 8080, { method: "GET", target: "/nope", headers: [] });
    assert.equal(missing.status, 404, "the service's own 404 comes through as an answer");
  });

  it("proxies a POST body byte for byte", async () => {
    const body = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const res = await client.proxyService(id, "web", 8080, { method: "POST", target: "/cgi-bin/echo", headers: [["content-type", "application/octet-stream"]], body });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("x-method"), "POST");
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), body);
  });

  it("says when nothing listens on the port", async () => {
    await assert.rejects(
      client.proxyService(id, "web", 9, { method: "GET", target: "/", headers: [] }),
      (e) => e instanceof RunnerRequestError && e.status === 502 && e.code === "not_listening" && /nothing accepts connections on port 9/.test(e.message),
    );
  });

  for (const tool of ["bash", "perl", "busybox"] as RelayTool[]) {
    it(`relays with ${tool}`, async () => {
      const request = { method: "GET", target: "/cgi-bin/hello", port: 8080, headers: [], body: new Uint8Array() };
      const res = await exchangeHttp(runtime, containerId, request, { headTimeoutMs: 10_000, tools: [tool] });
      assert.equal(res.status, 200);
      assert.match(await text(res.body), /^Hello from Praxis/);
      await assert.rejects(exchangeHttp(runtime, containerId, { ...request, port: 9 }, { headTimeoutMs: 10_000, tools: [tool] }), (e) => e instanceof ServiceError && e.kind === "not_listening");
    });
  }

  it("names the missing tools when the image has none of them", async () => {
    const request = { method: "GET", target: "/", port: 8080, headers: [], body: new Uint8Array() };
    await assert.rejects(
      exchangeHttp(runtime, containerId, request, { headTimeoutMs: 10_000, tools: [] }),
      (e) => e instanceof ServiceError && e.kind === "no_relay" && /needs bash, perl or busybox/.test(e.message),
    );
  });

  it("streams an answer while the service is still writing it (server-sent events)", async () => {
    const cgi = [
      "cat > /tmp/www/cgi-bin/events <<'CGI'",
      "#!/bin/sh",
      "printf 'Content-Type: text/event-stream\\r\\n\\r\\ndata: first\\n\\n'",
      "while [ ! -e /tmp/go ]; do sleep 0.1; done",
      "printf 'data: second\\n\\n'",
      "CGI",
      "chmod 755 /tmp/www/cgi-bin/events",
    ].join("\n");
    assert.equal((await client.runScript(id, { host: "web", script: cgi })).exitCode, 0);
    const res = await client.proxyService(id, "web", 8080, { method: "GET", target: "/cgi-bin/events", headers: [] });
    assert.equal(res.headers.get("content-type"), "text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    // The service holds its second event until /tmp/go exists: a relay that waited for the end would never deliver the first.
    while (!received.includes("data: first\n\n")) received += decoder.decode((await reader.read()).value);
    await client.runScript(id, { host: "web", script: "touch /tmp/go" });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += decoder.decode(chunk.value);
    assert.equal(received, "data: first\n\ndata: second\n\n");
  });

  it("passes a download larger than any buffer (24 MiB) byte for byte", async () => {
    const made = await client.runScript(id, { host: "web", script: "head -c 25165824 /dev/urandom > /tmp/www/big.bin && sha256sum /tmp/www/big.bin" });
    const expected = made.output.split(" ")[0];
    const res = await client.proxyService(id, "web", 8080, { method: "GET", target: "/big.bin", headers: [] });
    assert.equal(res.headers.get("content-length"), "25165824");
    const hash = createHash("sha256");
    const reader = res.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) hash.update(chunk.value);
    assert.equal(hash.digest("hex"), expected);
  });

  it("opens a two-way tunnel to the service with busybox nc (the tool this image has)", async () => {
    const tunnel = await openTunnel(runtime, containerId, 8080, ["busybox"]);
    let answer = "";
    tunnel.stdout.on("data", (d: Buffer) => (answer += d.toString("latin1")));
    tunnel.stdin.write("GET /bin.dat HTTP/1.0\r\n\r\n");
    await tunnel.exited; // busybox httpd closes after one answer, which ends the tunnel
    assert.match(answer, /^HTTP\/1.[01] 200 OK[\s\S]*\r\n\r\n\0\xff\r\n\x80binary$/);
  });
});
