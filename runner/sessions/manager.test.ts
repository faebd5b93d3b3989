/**
 * SessionManager against the in-memory runtime with a hand-driven clock: admission, the state
 * machine, expiry, reset, and reconciliation after a "restart" (a second manager on the same runtime).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { startReaper } from "../tasks/expire-sessions";
import { SessionError } from "./errors";
import { SessionManager, type SessionLimits } from "./manager";

const MIN = 60_000;
const MiB = 1024 * 1024;
const limits: SessionLimits = { maxSessions: 2, maxMemoryBytes: 2048 * MiB, timeLimitMs: 60 * MIN, idleTimeoutMs: 15 * MIN, maxLifetimeMs: 120 * MIN };
const spec = resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img", setup: [{ script: "setup" }] }, { name: "db", image: "img" }] });

function setup(opts: { failSetup?: boolean; runnerId?: string; rt?: FakeRuntime; clock?: { now: Date }; idPrefix?: string } = {}) {
  const rt = opts.rt ?? new FakeRuntime({ images: ["img"] });
  let setups = 0;
  rt.onExec((call) => (call.cmd[0] === "timeout" ? (setups++, { exitCode: opts.failSetup ? 1 : 0 }) : undefined));
  const clock = opts.clock ?? { now: new Date("2026-01-01T10:00:00Z") };
  let n = 0;
  const manager = new SessionManager({ runtime: rt, runnerId: opts.runnerId ?? "r1", limits, clock: () => clock.now, newId: () => `${opts.idPrefix ?? "s"}${++n}` });
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
  return { rt, manager, clock, advance, setups: () => setups };
}
const objects = async (rt: FakeRuntime) => [...(await rt.listContainers({})), ...(await rt.listNetworks({}))].length;
const kind = (k: string) => (e: unknown) => e instanceof SessionError && e.kind === k;

describe("SessionManager", () => {
  it("creates a ready session whose containers carry its expiry", async () => {
    const { rt, manager } = setup();
    const s = await manager.create(spec);
    assert.equal(s.state, "ready");
    assert.deepEqual(s.hosts.map((h) => h.name), ["box", "db"]);
    assert.equal(s.expiresAt.toISOString(), "2026-01-01T11:00:00.000Z");
    const [c] = await rt.listContainers({ "praxis.session": s.id, "praxis.host": "box" });
    assert.equal(c?.labels["praxis.expires-at"], "2026-01-01T11:00:00.000Z");
  });

  it("refuses sessions beyond the count or memory limit with at_capacity", async () => {
    const { manager } = setup();
    await manager.create(spec);
    await manager.create(spec);
    await assert.rejects(manager.create(spec), kind("at_capacity"));
    const big = resolveSpec({ labId: "big", hosts: [{ name: "x", image: "img", resources: { memoryBytes: 4096 * MiB } }] });
    const { manager: other } = setup();
    await assert.rejects(other.create(big), /at capacity: 4096 MiB requested, 2048 MiB of 2048 MiB free/);
  });

  it("marks failed provisioning as failed, leaves nothing, and frees capacity", async () => {
    const { rt, manager } = setup({ failSetup: true });
    await assert.rejects(manager.create(spec), /run-setup/);
    assert.equal(manager.list()[0]?.state, "failed");
    assert.equal(await objects(rt), 0);
    // maxSessions is 2: were failed sessions counted, the third attempt would be refused as at_capacity.
    await assert.rejects(manager.create(spec), /run-setup/);
    await assert.rejects(manager.create(spec), /run-setup/);
  });

  it("expires on the time limit and on idleness, removing the containers", async () => {
    const { rt, manager, advance } = setup();
    const a = await manager.create(spec);
    const b = await manager.create(spec);
    advance(10 * MIN);
    manager.touch(a.id);
    advance(6 * MIN);
    assert.deepEqual(await manager.expireDue(), [b.id]); // idle 16 min
    assert.equal(manager.get(b.id).state, "expired");
    assert.equal((await rt.listContainers({ "praxis.session": b.id })).length, 0);
    for (let i = 0; i < 5; i++) (advance(10 * MIN), manager.touch(a.id));
    assert.deepEqual(await manager.expireDue(), [a.id]); // 66 min > 60 min limit
    assert.equal(await objects(rt), 0);
    assert.throws(() => manager.touch(a.id), kind("invalid_state"));
  });

  it("start() returns the provisioning session at once and counts it against capacity", async () => {
    const { manager } = setup();
    const { session, ready } = await manager.start(spec);
    assert.equal(session.state, "provisioning");
    assert.equal(manager.get(session.id).state, "provisioning");
    await manager.start(spec);
    await assert.rejects(manager.start(spec), kind("at_capacity"));
    assert.equal((await ready).state, "ready");
  });

  it("extends up to the maximum lifetime and no further", async () => {
    const { manager } = setup();
    const s = await manager.create(spec);
    assert.equal((await manager.extend(s.id, 30 * MIN)).expiresAt.toISOString(), "2026-01-01T11:30:00.000Z");
    assert.equal((await manager.extend(s.id, 60 * MIN)).expiresAt.toISOString(), "2026-01-01T12:00:00.000Z");
    await assert.rejects(manager.extend(s.id, MIN), /maximum lifetime/);
  });

  it("stops idempotently and resets to fresh containers", async () => {
    const { rt, manager, setups } = setup();
    const s = await manager.create(spec);
    const resetting = await manager.reset(s.id);
    assert.equal(resetting.session.state, "provisioning");
    const reset = await resetting.ready;
    assert.equal(reset.state, "ready");
    assert.equal(setups(), 2);
    assert.notDeepEqual(reset.hosts, s.hosts);
    assert.equal((await rt.listContainers({ "praxis.session": s.id })).length, 2);
    assert.equal((await manager.stop(s.id)).state, "stopped");
    assert.equal((await manager.stop(s.id)).state, "stopped");
    assert.equal(await objects(rt), 0);
    await assert.rejects(manager.stop("nope"), kind("not_found"));
  });

  it("reconciles after a restart: adopts live sessions, removes orphans, ignores other runners", async () => {
    const clock = { now: new Date("2026-01-01T10:00:00Z") };
    const first = setup({ clock });
    const live = await first.manager.create(spec);
    const soonExpired = await first.manager.create(spec);
    const foreign = setup({ rt: first.rt, runnerId: "other", clock, idPrefix: "o" });
    await foreign.manager.create(spec);
    // A crash mid-provisioning leaves a lone network; a broken session has a stopped container.
    await first.rt.createNetwork({ name: "praxis-lost", labels: { "praxis.managed": "true", "praxis.runner": "r1", "praxis.session": "lost" }, internal: true });
    await first.rt.stopContainer(soonExpired.hosts[0]!.containerId);

    const restarted = setup({ rt: first.rt, clock });
    const report = await restarted.manager.reconcile();
    assert.deepEqual(report.adopted, [live.id]);
    assert.deepEqual(report.removedSessions.sort(), [soonExpired.id, "lost"].sort());
    const adopted = restarted.manager.get(live.id);
    assert.equal(adopted.state, "ready");
    assert.deepEqual(adopted.hosts.map((h) => h.name).sort(), ["box", "db"]);
    assert.equal(adopted.expiresAt.toISOString(), live.expiresAt.toISOString());
    assert.equal(adopted.memoryBytes, 1024 * MiB);
    assert.equal((await first.rt.listContainers({ "praxis.runner": "other" })).length, 2);

    clock.now = new Date("2026-01-01T11:00:01Z");
    const reaper = startReaper(restarted.manager, { intervalMs: 3_600_000, keepEndedMs: 0 });
    await reaper.runOnce();
    reaper.stop();
    assert.equal((await first.rt.listContainers({ "praxis.runner": "r1" })).length, 0);
    assert.equal((await first.rt.listNetworks({ "praxis.runner": "r1" })).length, 0);
  });
});
