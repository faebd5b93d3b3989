/**
 * Capacity and runtime pool targets over HTTP on the in-memory runtime, through the typed client: a PUT
 * fills the pool, /capacity counts the warm members against the limits, {} gives the seats back, bad
 * bodies are 400 with the reason; and a read-only terminal ticket is minted without touching the session.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { WarmPool } from "../pool/warm-pool";
import { RunnerHttpClient, RunnerRequestError } from "../remote/client";
import { SessionManager } from "../sessions/manager";
import { TicketAuthority } from "../terminal/tickets";
import { memoryLogger } from "./logger";
import { createRunnerApi, type RunnerApi } from "./server";

const TOKEN = "p".repeat(40);
const MIB = 1024 * 1024;

describe("runner pool routes", () => {
  const runtime = new FakeRuntime({ images: ["img"] });
  const tickets = new TicketAuthority({ secret: new Uint8Array(32).fill(3) });
  const sessions = new SessionManager({
    runtime,
    runnerId: "r-pool",
    limits: { maxSessions: 6, maxMemoryBytes: 6 * 256 * MIB, timeLimitMs: 3_600_000, idleTimeoutMs: 900_000, maxLifetimeMs: 7_200_000 },
  });
  const spec = (labId: string) => resolveSpec({ labId, hosts: [{ name: "box", image: "img", resources: { memoryBytes: 256 * MIB } }] });
  const pool = new WarmPool({ manager: sessions, targets: new Map(), loadSpec: async (labId) => spec(labId) });
  let settled: Promise<void> = Promise.resolve();
  let api: RunnerApi;
  let client: RunnerHttpClient;

  before(async () => {
    api = createRunnerApi({
      runtime,
      sessions,
      tickets,
      apiToken: TOKEN,
      allowedOrigins: [],
      logger: memoryLogger(),
      pool: { capacity: () => sessions.capacity(), targets: () => pool.targets(), setTargets: (t) => void (settled = pool.setTargets(t)) },
    });
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    client = new RunnerHttpClient({ baseUrl: `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`, token: TOKEN });
  });
  after(() => api.close());

  it("fills the pool to a runtime target, counts it against capacity, and gives it back on {}", async () => {
    assert.deepEqual((await client.setPoolTargets({ "lab-a": 4 })).runtime, { "lab-a": 4 });
    await settled;
    const cap = await client.capacity();
    assert.deepEqual({ ...cap, byState: { ...cap.byState } }, { maxSessions: 6, maxMemoryBytes: 6 * 256 * MIB, liveSessions: 4, memoryInUseBytes: 4 * 256 * MIB, memoryWarmBytes: 4 * 256 * MIB, byState: { provisioning: 0, ready: 0, warm: 4 } });
    const before = Date.now();
    const started = await client.startSession(spec("lab-a"), { timeLimitMs: 45 * 60_000 });
    assert.equal(started.state, "ready", "a start claims a warm member");
    const limit = Date.parse(started.expiresAt) - before;
    assert.ok(limit >= 45 * 60_000 && limit < 46 * 60_000, `the claim got the caller's time limit (${limit} ms)`);
    await client.setPoolTargets({});
    await settled;
    assert.deepEqual((await client.capacity()).byState, { provisioning: 0, ready: 1, warm: 0 });
    assert.deepEqual(await client.poolTargets(), { static: {}, runtime: {}, effective: {} });
  });

  it("refuses bad targets with the reason", async () => {
    const bodies: Array<Record<string, number>> = [{ "Bad Id": 1 }, { "lab-a": -1 }, { "lab-a": 1.5 }, { "lab-a": 501 }];
    for (const body of bodies) {
      await assert.rejects(client.setPoolTargets(body), (err: unknown) => err instanceof RunnerRequestError && err.status === 400 && /send \{"<lab-id>"/.test(err.message));
    }
  });

  it("mints a read-only ticket, and does not count it as the learner's activity", async () => {
    const s = await client.startSession(spec("lab-b"));
    const ready = s.state === "ready" ? s : await client.waitUntilSettled(s.id);
    const before = sessions.get(ready.id).lastActivityAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    const { ticket } = await client.mintTicket(ready.id, "box", "main", { readOnly: true });
    assert.equal(tickets.redeem(ticket).readOnly, true);
    assert.equal(sessions.get(ready.id).lastActivityAt.getTime(), before);
    const typing = await client.mintTicket(ready.id, "box");
    assert.equal(tickets.redeem(typing.ticket).readOnly, false);
    assert.ok(sessions.get(ready.id).lastActivityAt.getTime() > before);
  });
});
