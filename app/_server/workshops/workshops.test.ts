/**
 * Workshops on a real (temporary) SQLite database with the in-memory runner and the real labs: create
 * with a join code, join (plain-words refusals: before the start, wrong password, full, over), a lab
 * started by a member is tagged with the workshop and its time limit, the dashboard shows progress and
 * failed checks, instructor actions reach only this workshop's sessions, pool targets follow warm-up and
 * the end, and ending stops every session.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadLabs, type Lab } from "../../../labs/index";
import { openDatabase, type Database } from "../../../prisma/db";
import { resolveSpec } from "../../../runner/environment/spec";
import { hashPassword, verifyPassword } from "../auth/index";
import { ensureLearner, startSession, type LabSessionDeps } from "../lab-sessions";
import { MemoryRunner } from "../memory-runner";
import { LabSessionError } from "../runner-client";
import { publicLearnerId } from "../player/identity";
import { broadcast, endWorkshop, extendAll, extendLearner, resetLearner, shadowTerminal, warmUp } from "./actions";
import { loadDashboard } from "./dashboard-load";
import { WorkshopError, type WorkshopErrorKind } from "./errors";
import { resultRows, toCsv } from "./export";
import { joinWorkshop, workshopForLab } from "./join";
import { learnerWorkshopView } from "./learner-stream";
import { roomForNewWorkshop, roomReport } from "./room";
import { createWorkshop, getWorkshop, listWorkshops, type Asker } from "./store";
import { parseWorkshopForm } from "./workshop-form";

const kdf = { hash: hashPassword, verify: verifyPassword };
const LAB = "first-container";
const kind = (k: WorkshopErrorKind) => (err: unknown) => err instanceof WorkshopError && err.kind === k;

describe("workshops", () => {
  let dir = "";
  let db: Database;
  let runner: MemoryRunner;
  let deps: LabSessionDeps;
  let labs: Lab[];
  let teacher: Asker;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-workshops-"));
    db = await openDatabase({ dataDir: dir });
    runner = new MemoryRunner();
    labs = (await loadLabs([path.resolve(import.meta.dirname, "../../../content/labs")])).labs;
    deps = {
      prisma: db.prisma,
      runner,
      loadSpec: async (labId) => resolveSpec({ labId, hosts: [{ name: "workstation", image: "img", resources: { memoryBytes: 256 * 1024 * 1024 } }] }),
      loadLab: async (labId) => labs.find((l) => l.metadata.id === labId) ?? assert.fail(`no lab ${labId}`),
    };
    const user = await db.prisma.user.create({ data: { email: "t@example.org", role: "instructor" } });
    teacher = { id: user.id, role: "instructor" };
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const form = (over: Record<string, unknown> = {}) =>
    parseWorkshopForm({ title: "Containers 101", labIds: [LAB], capacity: 2, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000), timeLimitMinutes: 45, warmSharePercent: 100, ...over }, new Set(labs.map((l) => l.metadata.id)));
  const learner = async () => (await ensureLearner(db.prisma, undefined)).id;

  it("refuses joins in plain words: unknown code, not started, wrong password, full, over", async () => {
    const later = await createWorkshop(db.prisma, kdf, teacher, form({ startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 7_200_000) }));
    assert.match(later.joinCode, /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    await assert.rejects(joinWorkshop(db.prisma, kdf, await learner(), "ACDEFG", { displayName: "Ada" }, new Date()), kind("not_found"));
    await assert.rejects(joinWorkshop(db.prisma, kdf, await learner(), later.joinCode, { displayName: "Ada" }, new Date()), (e: unknown) => kind("not_started")(e) && /has not started yet: it starts at/.test((e as Error).message));
    const locked = await createWorkshop(db.prisma, kdf, teacher, form({ password: "room42", capacity: 1 }));
    assert.equal(locked.hasPassword, true);
    await assert.rejects(joinWorkshop(db.prisma, kdf, await learner(), locked.joinCode, { displayName: "Ada", password: "nope" }, new Date()), kind("wrong_password"));
    const ada = await learner();
    await joinWorkshop(db.prisma, kdf, ada, locked.joinCode.toLowerCase(), { displayName: " Ada  L ", password: "room42" }, new Date());
    await joinWorkshop(db.prisma, kdf, ada, locked.joinCode, { displayName: "Ada", password: "room42" }, new Date()); // again: same seat
    await assert.rejects(joinWorkshop(db.prisma, kdf, await learner(), locked.joinCode, { displayName: "Bob", password: "room42" }, new Date()), kind("full"));
    await assert.rejects(joinWorkshop(db.prisma, kdf, await learner(), locked.joinCode, { displayName: "Bob", password: "room42" }, new Date(Date.now() + 2 * 3_600_000)), kind("ended"));
    await db.prisma.workshop.update({ where: { id: locked.id }, data: { endedAt: new Date() } }); // out of the next test's pool sums
  });

  it("runs a workshop: tagged sessions, dashboard progress, actions, pool targets, export and the end", async () => {
    const w = await createWorkshop(db.prisma, kdf, teacher, form());
    assert.deepEqual(await warmUp(deps, w, new Date()), { [LAB]: 2 });
    assert.deepEqual(runner.poolTargets, { [LAB]: 2 });
    const [ada, bob, outsider] = [await learner(), await learner(), await learner()];
    await joinWorkshop(db.prisma, kdf, ada, w.joinCode, { displayName: "Ada" }, new Date());
    await joinWorkshop(db.prisma, kdf, bob, w.joinCode, { displayName: "Bob" }, new Date());
    assert.deepEqual(await workshopForLab(db.prisma, ada, LAB, new Date()), { workshopId: w.id, timeLimitMs: 45 * 60_000 });
    assert.equal(await workshopForLab(db.prisma, ada, "other-lab", new Date()), null);

    const s1 = await startSession(deps, ada, LAB);
    assert.deepEqual(runner.poolTargets, { [LAB]: 1 }, "Ada's seat is taken once she runs an environment");
    const s2 = await startSession(deps, bob, LAB);
    assert.deepEqual(runner.poolTargets, {});
    const own = await startSession(deps, outsider, LAB);
    assert.equal(runner.timeLimits.get(s1.id), 45 * 60_000);
    assert.equal(runner.timeLimits.get(own.id), undefined, "a self-paced learner keeps the runner's default");
    assert.equal((await db.prisma.labSession.findUniqueOrThrow({ where: { id: s1.id } })).workshopId, w.id);

    const step = labs.find((l) => l.metadata.id === LAB)!.steps[0]!.id;
    await db.prisma.stepProgress.create({ data: { sessionId: s1.id, stepId: step, status: "active", attempts: 3, hintsUsed: 1, startedAt: new Date() } });
    for (const runId of ["r1", "r2", "r3"]) await db.prisma.checkRun.create({ data: { sessionId: s1.id, stepId: step, runId, checkName: "c", passed: false, durationMs: 1 } });
    const view = await loadDashboard(deps, w, new Date());
    assert.deepEqual(view.learners.map((l) => l.displayName), ["Ada", "Bob"]);
    const adaLab = view.learners[0]!.labs[0]!;
    assert.equal(adaLab.sessionId, s1.id);
    assert.deepEqual(adaLab.steps[0], { stepId: step, status: "active", attempts: 3, failedChecks: 3, hintsUsed: 1 });
    assert.equal(adaLab.stuck, "3 failed checks on this step");
    assert.equal(view.learners[1]!.labs[0]!.stuck, null);
    assert.equal(view.learners[0]!.id, publicLearnerId(ada));
    assert.equal(view.runnerUnavailable, false);

    // A runner that does not answer (restarting, Docker down): the room's progress still shows, with a notice.
    const list = runner.list;
    runner.list = async () => {
      throw new LabSessionError("runner_unavailable", "the lab runner is unavailable");
    };
    const offline = await loadDashboard(deps, w, new Date());
    runner.list = list;
    assert.equal(offline.runnerUnavailable, true);
    assert.deepEqual(offline.learners[0]!.labs[0]!.steps[0], adaLab.steps[0]);
    assert.equal(offline.learners[0]!.labs[0]!.state, "ready", "the recorded state stays");

    assert.equal(await resetLearner(deps, w, publicLearnerId(ada)), 1);
    assert.equal(runner.sessions.get(s1.id)!.state, "provisioning");
    runner.sessions.get(s1.id)!.state = "ready";
    await assert.rejects(resetLearner(deps, w, publicLearnerId(outsider)), kind("not_found"), "a learner of no workshop of ours");
    const before = Date.parse(runner.sessions.get(s2.id)!.expiresAt);
    assert.equal(await extendAll(deps, w, 15), 2);
    assert.equal(Date.parse(runner.sessions.get(s2.id)!.expiresAt) - before, 15 * 60_000);
    const adaBefore = Date.parse(runner.sessions.get(s1.id)!.expiresAt);
    assert.equal(await extendLearner(deps, w, publicLearnerId(bob), 10), 1, "one learner's environment only");
    assert.equal(Date.parse(runner.sessions.get(s2.id)!.expiresAt) - before, 25 * 60_000);
    assert.equal(Date.parse(runner.sessions.get(s1.id)!.expiresAt), adaBefore, "the others keep their time");
    await assert.rejects(extendLearner(deps, w, publicLearnerId(outsider), 10), kind("not_found"), "a learner of no workshop of ours");
    assert.match((await shadowTerminal(deps, w, publicLearnerId(bob), undefined, undefined)).path, /\.workstation\.ro$/);

    await broadcast(db.prisma, w, "  Ten minutes left  ");
    await assert.rejects(broadcast(db.prisma, w, " "), kind("bad_request"));
    assert.deepEqual((await learnerWorkshopView(db.prisma, bob, new Date()))?.messages.map((m) => m.text), ["Ten minutes left"]);
    assert.equal(await learnerWorkshopView(db.prisma, outsider, new Date()), null);

    const rows = resultRows(await loadDashboard(deps, w, new Date()), new Date());
    assert.equal(rows.length, 2);
    assert.deepEqual({ ...rows[0], minutes: 0 }, { learner: "Ada", lab: LAB, stepsPassed: 0, stepsTotal: adaLab.steps.length, attempts: 3, hintsUsed: 1, score: 0, scoreMax: adaLab.score.max, minutes: 0, finished: false });
    assert.match(toCsv([{ ...rows[0]!, learner: '=cmd|"x"' }]), /^learner,lab,.*\r\n"'=cmd\|""x""",first-container,/);

    const room = await roomReport(deps, { ...w, capacity: 40 });
    assert.equal(room.fits, false);
    assert.match(room.message ?? "", /^The room will not fit: 40 seats, room for 19/);
    assert.equal(await roomForNewWorkshop(deps, [LAB, "no-such-lab"]), 17, "a new workshop has this one's two learners as competition");
    assert.equal(await roomForNewWorkshop({ ...deps, runner: { ...deps.runner, capacity: () => Promise.reject(new Error("down")) } }, [LAB]), null);

    assert.deepEqual(await endWorkshop(deps, w, new Date()), { stopped: 2 });
    assert.equal(runner.sessions.get(s1.id)!.state, "stopped");
    assert.equal(runner.sessions.get(own.id)!.state, "ready", "self-paced sessions keep running");
    assert.deepEqual(runner.poolTargets, {});
    assert.equal((await learnerWorkshopView(db.prisma, bob, new Date()))?.phase, "ended");
    assert.equal(await workshopForLab(db.prisma, ada, LAB, new Date()), null);
  });

  it("shows an instructor only their own workshops (an admin sees all)", async () => {
    const other = await db.prisma.user.create({ data: { email: "o@example.org", role: "instructor" } });
    const theirs = await createWorkshop(db.prisma, kdf, { id: other.id, role: "instructor" }, form({ title: "Theirs" }));
    await assert.rejects(getWorkshop(db.prisma, teacher, theirs.id), kind("not_found"));
    assert.ok(!(await listWorkshops(db.prisma, teacher)).some((w) => w.id === theirs.id));
    assert.equal((await getWorkshop(db.prisma, { id: "admin", role: "admin" }, theirs.id)).title, "Theirs");
  });
});
