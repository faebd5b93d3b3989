/**
 * The learner-facing session lifecycle on a real (temporary) SQLite database with an in-memory runner:
 * anonymous learners, one live session per learner and lab that a reload finds again, rows closed when
 * the runner says the environment is gone, and terminals only for the learner's own session.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadLabs } from "../../labs/index";
import { openDatabase, type Database } from "../../prisma/db";
import { resolveSpec } from "../../runner/environment/spec";
import { closeTerminal, currentSession, ensureLearner, EXTEND_BY_MS, extendSession, lastAttempt, resetSession, sessionEvents, startSession, stopSession, terminalPath, type LabSessionDeps } from "./lab-sessions";
import { MemoryRunner } from "./memory-runner";
import { LabSessionError } from "./runner-client";

describe("lab sessions", () => {
  let dir = "";
  let db: Database;
  let runner: MemoryRunner;
  let deps: LabSessionDeps;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-labsessions-"));
    db = await openDatabase({ dataDir: dir });
    runner = new MemoryRunner();
    const { labs } = await loadLabs([path.resolve(import.meta.dirname, "../../content/labs")]);
    deps = {
      prisma: db.prisma,
      runner,
      loadSpec: async (labId) => resolveSpec({ labId, hosts: [{ name: "box", image: "img" }] }),
      loadLab: async (labId) => labs.find((l) => l.metadata.id === labId) ?? assert.fail(`no lab ${labId}`),
    };
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("creates an unguessable anonymous learner once and recognises the cookie afterwards", async () => {
    const first = await ensureLearner(db.prisma, undefined);
    assert.equal(first.created, true);
    assert.ok(first.id.length >= 32);
    assert.deepEqual(await ensureLearner(db.prisma, first.id), { id: first.id, created: false });
    assert.equal((await ensureLearner(db.prisma, "forged")).created, true);
  });

  it("starts once per learner and lab, finds the live session again, and closes it on stop", async () => {
    const { id: learner } = await ensureLearner(db.prisma, undefined);
    const started = await startSession(deps, learner, "lab-a");
    assert.equal((await startSession(deps, learner, "lab-a")).id, started.id, "a second start returns the live session");
    assert.equal((await currentSession(deps, learner, "lab-a"))?.id, started.id);
    assert.equal(await currentSession(deps, learner, "lab-b"), null);
    await stopSession(deps, learner, "lab-a");
    assert.equal(await currentSession(deps, learner, "lab-a"), null);
    const row = await db.prisma.labSession.findUniqueOrThrow({ where: { id: started.id } });
    assert.equal(row.state, "stopped");
    assert.ok(row.endedAt);
  });

  it("tells how far the learner's last ended attempt at a lab got, and only theirs", async () => {
    const { id: learner } = await ensureLearner(db.prisma, undefined);
    const { id: stranger } = await ensureLearner(db.prisma, undefined);
    assert.equal(await lastAttempt(deps, learner, "first-container"), null, "no attempt yet");
    const live = await startSession(deps, learner, "first-container");
    assert.equal(await lastAttempt(deps, learner, "first-container"), null, "a running environment is not a last attempt");
    const stepsTotal = (await deps.loadLab("first-container")).steps.length;
    await db.prisma.stepProgress.createMany({
      data: [
        { sessionId: live.id, stepId: "a", status: "passed" },
        { sessionId: live.id, stepId: "b", status: "skipped" },
        { sessionId: live.id, stepId: "c", status: "active" },
      ],
    });
    await stopSession(deps, learner, "first-container");
    const last = await lastAttempt(deps, learner, "first-container");
    assert.deepEqual({ ...last, endedAt: typeof last?.endedAt }, { stepsDone: 2, stepsTotal, endedAt: "string" });
    assert.equal(await lastAttempt(deps, stranger, "first-container"), null);
  });

  it("picks an unfinished lab up where the ended environment left it, marked not started so the player replays it", async () => {
    const { id: learner } = await ensureLearner(db.prisma, undefined);
    const steps = (await deps.loadLab("first-container")).steps.map((s) => s.id);
    const first = await startSession(deps, learner, "first-container");
    await db.prisma.stepProgress.createMany({
      data: [
        { sessionId: first.id, stepId: steps[0]!, status: "passed", attempts: 2, hintsUsed: 1, startedAt: new Date(), passedAt: new Date() },
        { sessionId: first.id, stepId: steps[1]!, status: "active", attempts: 1, startedAt: new Date() },
      ],
    });
    await stopSession(deps, learner, "first-container");
    const second = await startSession(deps, learner, "first-container");
    const carried = await db.prisma.stepProgress.findMany({ where: { sessionId: second.id }, orderBy: { stepId: "asc" } });
    assert.deepEqual(
      carried.map((r) => [r.stepId, r.status, r.attempts, r.hintsUsed, r.startedAt]).sort(),
      [[steps[0], "passed", 2, 1, null], [steps[1], "active", 1, 0, null]].sort(),
    );

    // Once every step is done, the next environment is a fresh start.
    await db.prisma.stepProgress.updateMany({ where: { sessionId: second.id }, data: { status: "passed" } });
    await db.prisma.stepProgress.createMany({ data: steps.slice(2).map((stepId) => ({ sessionId: second.id, stepId, status: "passed" })) });
    await stopSession(deps, learner, "first-container");
    const third = await startSession(deps, learner, "first-container");
    assert.equal(await db.prisma.stepProgress.count({ where: { sessionId: third.id } }), 0);
    await stopSession(deps, learner, "first-container");
  });

  it("marks a session the runner forgot as ended", async () => {
    const { id: learner } = await ensureLearner(db.prisma, undefined);
    const s = await startSession(deps, learner, "lab-c");
    runner.sessions.delete(s.id);
    assert.equal(await currentSession(deps, learner, "lab-c"), null);
    assert.equal((await db.prisma.labSession.findUniqueOrThrow({ where: { id: s.id } })).state, "expired");
  });

  it("grants terminals only for the learner's own session", async () => {
    const { id: owner } = await ensureLearner(db.prisma, undefined);
    const { id: stranger } = await ensureLearner(db.prisma, undefined);
    const s = await startSession(deps, owner, "lab-d");
    assert.equal(await terminalPath(deps, owner, s.id, "box"), `/api/terminal?ticket=${s.id}.box`);
    await assert.rejects(terminalPath(deps, stranger, s.id, "box"), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found");
  });

  it("closes an extra terminal only for the learner's own session, and never a host's main terminal", async () => {
    const { id: owner } = await ensureLearner(db.prisma, undefined);
    const { id: stranger } = await ensureLearner(db.prisma, undefined);
    const s = await startSession(deps, owner, "lab-d2");
    await assert.rejects(closeTerminal(deps, stranger, s.id, "box", "2"), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found");
    await assert.rejects(closeTerminal(deps, owner, s.id, "box", "main"), (e: unknown) => e instanceof LabSessionError && e.kind === "bad_request");
    await closeTerminal(deps, owner, s.id, "box", "2");
    assert.deepEqual(runner.closedTerminals, [{ sessionId: s.id, host: "box", terminalId: "2" }]);
  });

  it("extends, resets and streams events only for the learner's own session", async () => {
    const { id: owner } = await ensureLearner(db.prisma, undefined);
    const { id: stranger } = await ensureLearner(db.prisma, undefined);
    const s = await startSession(deps, owner, "lab-e");
    const notFound = (e: unknown) => e instanceof LabSessionError && e.kind === "not_found";
    await assert.rejects(extendSession(deps, stranger, s.id), notFound);
    await assert.rejects(resetSession(deps, stranger, s.id), notFound);
    await assert.rejects(sessionEvents(deps, stranger, s.id), notFound);

    const before = Date.parse(s.expiresAt);
    const extended = await extendSession(deps, owner, s.id);
    assert.equal(Date.parse(extended.expiresAt), before + EXTEND_BY_MS);
    assert.equal((await db.prisma.labSession.findUniqueOrThrow({ where: { id: s.id } })).expiresAt.toISOString(), extended.expiresAt);
    assert.equal((await resetSession(deps, owner, s.id)).state, "provisioning");
    assert.equal((await db.prisma.labSession.findUniqueOrThrow({ where: { id: s.id } })).state, "provisioning");
    const text = await new Response(await sessionEvents(deps, owner, s.id)).text();
    assert.match(text, new RegExp(`"id":"${s.id}"`));
  });
});
