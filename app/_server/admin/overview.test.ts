/**
 * The admin overview on a real temporary SQLite database and the in-memory runner: runner sessions are
 * joined with their learners and workshops (warm-pool members have none), capacity is passed through,
 * and an admin stop ends the environment and closes its record.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { openDatabase, type Database } from "../../../prisma/db";
import { resolveSpec } from "../../../runner/environment/spec";
import { MemoryRunner } from "../memory-runner";
import { LabSessionError } from "../runner-client";
import { adminOverview, adminStopSession } from "./overview";

describe("admin overview", () => {
  let dir = "";
  let db: Database;
  const runner = new MemoryRunner();
  const spec = (labId: string) => resolveSpec({ labId, hosts: [{ name: "box", image: "img" }] });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-admin-"));
    db = await openDatabase({ dataDir: dir });
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("lists each runner session with its learner and workshop, and the host capacity", async () => {
    const grace = await db.prisma.user.create({ data: { displayName: "Grace" } });
    const anon = await db.prisma.user.create({ data: {} });
    const workshop = await db.prisma.workshop.create({ data: { title: "K8s basics", joinCode: "ABC123" } });
    const a = await runner.start(spec("first-container"));
    const b = await runner.start(spec("kube-basics"));
    const warm = await runner.start(spec("first-container"));
    await db.prisma.labSession.create({ data: { id: a.id, userId: grace.id, labId: a.labId, state: "ready", expiresAt: new Date(a.expiresAt), workshopId: workshop.id } });
    await db.prisma.labSession.create({ data: { id: b.id, userId: anon.id, labId: b.labId, state: "ready", expiresAt: new Date(b.expiresAt) } });

    const { sessions, capacity } = await adminOverview(db.prisma, runner);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    assert.deepEqual([byId.get(a.id)?.learner, byId.get(a.id)?.workshop?.title], ["Grace", "K8s basics"]);
    assert.deepEqual([byId.get(b.id)?.learner, byId.get(b.id)?.workshop], ["", null]);
    assert.deepEqual([byId.get(warm.id)?.learner, byId.get(warm.id)?.startedAt], [null, null]);
    assert.ok(byId.get(a.id)?.startedAt);
    assert.equal(capacity.liveSessions, 3);
    assert.equal(capacity.maxSessions, runner.limits.maxSessions);
  });

  it("stops any session on the runner and closes its record; unknown ids are not found", async () => {
    const { sessions } = await adminOverview(db.prisma, runner);
    const target = sessions.find((s) => s.learner === "Grace")!;
    await adminStopSession(db.prisma, runner, target.id);
    assert.equal((await runner.find(target.id))?.state, "stopped");
    const row = await db.prisma.labSession.findUniqueOrThrow({ where: { id: target.id } });
    assert.equal(row.state, "stopped");
    assert.ok(row.endedAt);
    assert.equal((await adminOverview(db.prisma, runner)).sessions.some((s) => s.id === target.id), false, "ended sessions are not listed");
    await assert.rejects(adminStopSession(db.prisma, runner, "nope"), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found");
    await assert.rejects(adminStopSession(db.prisma, runner, "../x"), (e: unknown) => e instanceof LabSessionError && e.kind === "bad_request");
  });
});
