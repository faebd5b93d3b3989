/**
 * The runner's composition end to end on the in-memory runtime: it starts and serves the API, creates
 * a session through the typed HTTP client (so the wire encoding round-trips), and a second runner on the
 * same runtime adopts that session at start-up while removing another runner-owned orphan.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { memoryLogger } from "../api/logger";
import { FakeRuntime } from "../docker/fake-runtime";
import { RuntimeError } from "../docker/errors";
import { LABEL } from "../docker/labels";
import { resolveSpec } from "../environment/spec";
import { RunnerHttpClient, RunnerRequestError } from "../remote/client";
import { labSpecLoader } from "./lab-specs";
import type { RunnerSettings } from "./settings";
import { startRunner } from "./start-runner";

const TOKEN = "t".repeat(40);

async function settings(): Promise<RunnerSettings> {
  return {
    api: { host: "127.0.0.1", port: 0, dataDir: await mkdtemp(path.join(tmpdir(), "praxis-runner-")), apiToken: TOKEN, allowedOrigins: ["http://site.test"] },
    runnerId: "r1",
    limits: { maxSessions: 5, maxMemoryBytes: 8 * 1024 ** 3, timeLimitMs: 3_600_000, idleTimeoutMs: 600_000, maxLifetimeMs: 7_200_000 },
    reaperIntervalMs: 60_000,
    warmPool: new Map(),
    imagesDir: "/nonexistent",
    labDirs: [],
    logLevel: "debug",
  };
}

describe("startRunner", () => {
  it("serves the API, and a restarted runner adopts live sessions and removes orphans", async () => {
    const runtime = new FakeRuntime({ images: ["img"] });
    const s = await settings();
    const logger = memoryLogger();
    const first = await startRunner(s, runtime, logger);
    const client = new RunnerHttpClient({ baseUrl: first.url, token: TOKEN });
    try {
      const spec = resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img", files: [{ targetPath: "/etc/motd", content: new TextEncoder().encode("hi\n") }] }] });
      const created = await client.createSession(spec);
      assert.equal(created.state, "ready");
      assert.deepEqual(created.hosts, [{ name: "box" }]);
      const ticket = await client.mintTicket(created.id, "box");
      assert.match(ticket.path, /^\/terminal\?ticket=v1\./);
      await assert.rejects(client.getSession("nope"), (e: unknown) => e instanceof RunnerRequestError && e.status === 404);
      const metrics = await (await fetch(`${first.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      assert.match(metrics, /praxis_sessions\{state="ready"\} 1/);
      assert.match(metrics, /praxis_provision_duration_seconds_count\{outcome="ready"\} 1/);

      // An orphan: a network of this runner with no session containers (a crash between steps).
      await runtime.createNetwork({ name: "praxis-dead", internal: true, driverOptions: {}, labels: { [LABEL.managed]: "true", [LABEL.runner]: "r1", [LABEL.session]: "dead", [LABEL.role]: "network" } });
      await first.close();

      const second = await startRunner(s, runtime, logger);
      try {
        assert.deepEqual(second.sessions.list().map((x) => [x.id, x.state]), [[created.id, "ready"]]);
        assert.equal((await runtime.listNetworks({ [LABEL.session]: "dead" })).length, 0);
        const reconciled = logger.entries.filter((e) => e.event === "runner.reconciled").at(-1);
        assert.deepEqual(reconciled?.adopted, [created.id]);
        assert.deepEqual(reconciled?.removedSessions, ["dead"]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(s.api.dataDir, { recursive: true, force: true });
    }
  });

  it("keeps a warm pool, claims from it, and keeps claims and extensions across a restart", async () => {
    const runtime = new FakeRuntime({ images: ["praxis/workstation"] });
    runtime.onExec((c) => (c.cmd[0] === "timeout" ? { exitCode: 0 } : undefined));
    const labDirs = [path.resolve(import.meta.dirname, "../../content/labs")];
    const s = { ...(await settings()), labDirs, warmPool: new Map([["first-container", 1]]) };
    const warm = (r: { sessions: { list(): Array<{ state: string }> } }) => r.sessions.list().filter((x) => x.state === "warm").length;
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(test(), "condition not reached in 2 s");
    };
    const first = await startRunner(s, runtime, memoryLogger());
    let firstOpen = true;
    try {
      await until(() => warm(first) === 1);
      const warmId = first.sessions.list().find((x) => x.state === "warm")!.id;
      const client = new RunnerHttpClient({ baseUrl: first.url, token: TOKEN });
      // A claim answers ready at once (a cold start answers provisioning); how fast is bench/runner.ts's business.
      const claimed = await client.startSession(await labSpecLoader(labDirs)("first-container"));
      assert.deepEqual([claimed.id, claimed.state], [warmId, "ready"]);
      await until(() => warm(first) === 1); // refilled in the background
      const extended = await client.extendSession(claimed.id, 600_000);
      await first.close();
      firstOpen = false;

      const second = await startRunner(s, runtime, memoryLogger());
      try {
        const adopted = second.sessions.get(claimed.id);
        assert.equal(adopted.state, "ready");
        assert.equal(adopted.expiresAt.toISOString(), extended.expiresAt);
        assert.equal(warm(second), 1);
      } finally {
        await second.close();
      }
    } finally {
      if (firstOpen) await first.close();
      await rm(s.api.dataDir, { recursive: true, force: true });
    }
  });

  it("keeps serving when the engine is unreachable at start, and says so", async () => {
    const runtime = new FakeRuntime();
    runtime.failNext("ping", new RuntimeError("unavailable", "engine down"));
    const s = await settings();
    const logger = memoryLogger();
    const runner = await startRunner(s, runtime, logger);
    try {
      const warning = logger.entries.find((e) => e.event === "runner.docker_unreachable");
      assert.ok(warning, "the missing engine is logged");
      assert.equal(logger.entries.some((e) => e.event === "runner.reconciled"), false, "no reconciliation without an engine");
      const health = await fetch(`${runner.url}/healthz`);
      assert.equal(health.status, 200, "the API still answers, so the site stays up");
    } finally {
      await runner.close();
      await rm(s.api.dataDir, { recursive: true, force: true });
    }
  });
});
