/**
 * SessionManager's warm pool and its memory across restarts, on the in-memory runtime: a start claims
 * a matching warm member at once with fresh times; a member of another spec is never handed out; warm
 * members give way to learners at capacity; extensions and claims survive a restart through the session
 * records, and a pool member cut off mid-provisioning is removed rather than adopted.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { MemoryRecordStore } from "../state/records";
import { SessionManager, type SessionLimits } from "./manager";

const MIN = 60_000;
const limits: SessionLimits = { maxSessions: 2, maxMemoryBytes: 64 * 1024 ** 3, timeLimitMs: 60 * MIN, idleTimeoutMs: 15 * MIN, maxLifetimeMs: 120 * MIN };
const spec = resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img" }] });

function setup(shared?: { rt: FakeRuntime; records: MemoryRecordStore; clock: { now: Date } }) {
  const rt = shared?.rt ?? new FakeRuntime({ images: ["img"] });
  const records = shared?.records ?? new MemoryRecordStore();
  const clock = shared?.clock ?? { now: new Date("2026-01-01T10:00:00Z") };
  const claims: string[] = [];
  let n = 0;
  const manager = new SessionManager({ runtime: rt, runnerId: "r1", limits, records, clock: () => clock.now, newId: () => `${shared ? "b" : "a"}${++n}`, onClaim: (lab) => claims.push(lab) });
  return { rt, records, clock, manager, claims, advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
}

describe("SessionManager warm pool", () => {
  it("claims a warm member at once, with its time limit starting at the claim", async () => {
    const { manager, claims, advance } = setup();
    const member = await manager.startWarm(spec);
    assert.equal(member.state, "warm");
    assert.equal(manager.poolMembers("lab-a").length, 1);
    advance(100 * MIN); // warm members do not go idle
    assert.deepEqual(await manager.expireDue(), []);
    const started = await manager.start(spec);
    assert.equal(started.claimed, true);
    assert.equal(started.session.id, member.id);
    assert.equal(started.session.state, "ready");
    assert.equal(started.session.poolSpec, undefined);
    assert.equal(started.session.expiresAt.toISOString(), "2026-01-01T12:40:00.000Z");
    assert.deepEqual(claims, ["lab-a"]);
    assert.equal(manager.poolMembers("lab-a").length, 0);
    const history = manager.events.subscribe(member.id, () => {}).history;
    assert.deepEqual(history.map((e) => (e.kind === "state" ? e.session.state : e.kind)), ["ready"]);
  });

  it("never hands out a member made from another spec", async () => {
    const { manager } = setup();
    await manager.startWarm(spec);
    const edited = resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img", env: { NEW: "1" } }] });
    const started = await manager.start(edited);
    assert.equal(started.claimed, false);
    assert.equal(started.session.state, "provisioning");
    assert.equal((await started.ready).state, "ready");
  });

  it("evicts warm members before refusing a learner, but never for the pool itself", async () => {
    const { manager, rt } = setup();
    const a = await manager.startWarm(spec);
    const b = await manager.startWarm(spec);
    await assert.rejects(manager.startWarm(spec), /at capacity/);
    const other = resolveSpec({ labId: "lab-b", hosts: [{ name: "box", image: "img" }] });
    const s = await (await manager.start(other)).ready;
    assert.equal(s.state, "ready");
    assert.deepEqual([manager.get(a.id).state, manager.get(b.id).state].sort(), ["stopped", "warm"]);
    assert.equal((await rt.listContainers({})).length, 2);
  });

  it("records progress events per provisioning run", async () => {
    const { manager } = setup();
    const { session, ready } = await manager.start(spec);
    await ready;
    const kinds = manager.events.subscribe(session.id, () => {}).history.map((e) => (e.kind === "state" ? `state:${e.session.state}` : `${e.progress.step}:${e.progress.status}`));
    assert.equal(kinds[0], "state:provisioning");
    assert.ok(kinds.includes("ensure-images:started") && kinds.includes("start-hosts:done"), kinds.join(" "));
    assert.equal(kinds.at(-1), "state:ready");
  });
});

describe("SessionManager records across a restart", () => {
  it("keeps extensions and claims", async () => {
    const first = setup();
    const s = await first.manager.create(spec);
    await first.manager.extend(s.id, 30 * MIN);
    const member = await first.manager.startWarm(spec);
    first.advance(5 * MIN);
    assert.equal((await first.manager.start(spec)).session.id, member.id);

    const restarted = setup({ rt: first.rt, records: first.records, clock: first.clock });
    const report = await restarted.manager.reconcile();
    assert.deepEqual(report.adopted.sort(), [s.id, member.id].sort());
    assert.equal(restarted.manager.get(s.id).expiresAt.toISOString(), "2026-01-01T11:30:00.000Z");
    const claimed = restarted.manager.get(member.id);
    assert.equal(claimed.state, "ready");
    assert.equal(claimed.createdAt.toISOString(), "2026-01-01T10:05:00.000Z");
    assert.equal(claimed.expiresAt.toISOString(), "2026-01-01T11:05:00.000Z");
    assert.equal(restarted.manager.poolMembers("lab-a").length, 0);
    // Stopping forgets the record, so nothing stale is applied to a later session.
    await restarted.manager.stop(s.id);
    assert.equal(first.records.records.has(s.id), false);
  });

  it("adopts a recorded warm member back into the pool and removes an unrecorded one", async () => {
    const first = setup();
    const member = await first.manager.startWarm(spec);
    // A member whose provisioning was cut off: pool-labelled containers, but never recorded.
    const cut = setup({ rt: first.rt, records: new MemoryRecordStore(), clock: first.clock });
    const halfMade = await cut.manager.startWarm(spec);
    const restarted = setup({ rt: first.rt, records: first.records, clock: first.clock });
    const report = await restarted.manager.reconcile();
    assert.deepEqual(report.adopted, [member.id]);
    assert.deepEqual(report.removedSessions, [halfMade.id]);
    assert.equal(restarted.manager.get(member.id).state, "warm");
    assert.equal((await restarted.manager.start(spec)).session.id, member.id);
    assert.equal(first.records.records.get(member.id)?.claimed, true);
  });
});
