/**
 * The player's step actions on a real (temporary) SQLite database with the in-memory runner: the state
 * machine (locked → active → passed | skipped), attempts, setup on first open, hints and solution,
 * skip via solve, scoring, ownership, the background auto-check, and progress that survives a runner
 * restart because it lives in the database.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MemoryRunner } from "../memory-runner";
import { resetSession } from "../lab-sessions";
import { LabSessionError } from "../runner-client";
import { fakeFilesystem, playerBed, type PlayerBed } from "./fixtures/harness";
import { autoCheck, checkAction, getProgress, hintAction, resetAction, skipAction, solutionAction, startAction } from "./step-actions";

const kind = (k: LabSessionError["kind"], pattern?: RegExp) => (e: unknown) => e instanceof LabSessionError && e.kind === k && (!pattern || pattern.test(e.message));

describe("player step actions", () => {
  let bed: PlayerBed;
  before(async () => {
    bed = await playerBed();
  });
  after(() => bed.close());

  const touch = (sessionId: string, ...files: string[]) => {
    for (const f of files) (bed.files.get(sessionId) ?? bed.files.set(sessionId, new Set()).get(sessionId)!).add(f);
  };

  it("starts a session on the first step, already set up, with the others locked", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const p = await getProgress(bed.deps, learner, sessionId);
    assert.deepEqual([p.sessionId, p.labId, p.currentStepId, p.finished], [sessionId, "player-lab", "one", false]);
    assert.deepEqual(p.steps.map((s) => s.status), ["active", "locked", "locked"]);
    const row = await bed.db.prisma.labSession.findUniqueOrThrow({ where: { id: sessionId } });
    assert.equal(p.steps[0]!.startedAt, row.createdAt.toISOString());
    assert.deepEqual(p.score, { earned: 0, max: 7 });
    assert.deepEqual([p.steps[0]!.hintsTotal, p.steps[0]!.lastCheck], [2, null]);
  });

  it("counts attempts, records every check, gives partial credit, and passes the step when all checks pass", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const failed = await checkAction(bed.deps, learner, sessionId, "one");
    assert.equal(failed.passed, false);
    assert.deepEqual(failed.checks, [
      { name: "first file", passed: false, message: "/root/one-a is missing", weight: 2 },
      { name: "second file", passed: false, message: "/root/one-b is missing", weight: 1 },
    ]);
    assert.equal(failed.progress.steps[0]!.attempts, 1);
    assert.deepEqual(failed.progress.steps[0]!.lastCheck?.checks, failed.checks);

    touch(sessionId, "/root/one-a");
    const partial = await checkAction(bed.deps, learner, sessionId, "one");
    assert.deepEqual([partial.passed, partial.progress.score.earned, partial.progress.steps[0]!.status], [false, 2, "active"]);

    touch(sessionId, "/root/one-b");
    const passed = await checkAction(bed.deps, learner, sessionId, "one");
    assert.equal(passed.passed, true);
    const [one, two] = passed.progress.steps;
    assert.deepEqual([one!.status, one!.attempts, two!.status, two!.startedAt, passed.progress.currentStepId], ["passed", 3, "active", null, "two"]);
    assert.ok(one!.passedAt);
    assert.deepEqual(passed.progress.score, { earned: 3, max: 7 });

    const runs = await bed.db.prisma.checkRun.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });
    assert.equal(runs.length, 6);
    assert.equal(new Set(runs.map((r) => r.runId)).size, 3, "one runId per run of the step's checks");
    assert.ok(runs.every((r) => r.trigger === "learner" && r.output !== "" && r.durationMs === 3));

    // Checking a passed step again is allowed, recorded, and changes nothing.
    const again = await checkAction(bed.deps, learner, sessionId, "one");
    assert.deepEqual([again.progress.steps[0]!.status, again.progress.steps[0]!.attempts], ["passed", 3]);
  });

  it("refuses every action on a locked step and unknown steps", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    for (const action of [checkAction, startAction, skipAction, resetAction, solutionAction]) {
      await assert.rejects(action(bed.deps, learner, sessionId, "two"), kind("conflict", /step "Step two" is locked: finish "Step one" first/));
    }
    await assert.rejects(hintAction(bed.deps, learner, sessionId, "three"), kind("conflict"));
    await assert.rejects(checkAction(bed.deps, learner, sessionId, "nope"), kind("not_found", /no step "nope"/));
    assert.equal(bed.runner.scripts.filter((s) => s.sessionId === sessionId).length, 0, "no script ran for a locked step");
  });

  it("runs a step's setup once, when it is first opened, and again on reset", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    touch(sessionId, "/root/one-a", "/root/one-b");
    await checkAction(bed.deps, learner, sessionId, "one");
    const setups = () => bed.runner.scripts.filter((s) => s.sessionId === sessionId).map((s) => [s.host, s.script]);
    assert.deepEqual(setups(), []);
    const started = await startAction(bed.deps, learner, sessionId, "two");
    assert.deepEqual(setups(), [["box", "echo prepare-two"]]);
    assert.ok(started.progress.steps[1]!.startedAt);
    await startAction(bed.deps, learner, sessionId, "two");
    await startAction(bed.deps, learner, sessionId, "one"); // going back to a passed step runs nothing
    assert.equal(setups().length, 1);
    await resetAction(bed.deps, learner, sessionId, "two");
    assert.equal(setups().length, 2);
  });

  it("reports a failing setup with its output and runs it again on the next try", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    touch(sessionId, "/root/one-a", "/root/one-b");
    await checkAction(bed.deps, learner, sessionId, "one");
    const judge = bed.runner.scriptJudge;
    bed.runner.scriptJudge = () => ({ exitCode: 2, output: "apt: no network\n" });
    await assert.rejects(startAction(bed.deps, learner, sessionId, "two"), kind("failed", /setup script of step "Step two" exited with code 2 on host box: apt: no network/));
    assert.equal((await getProgress(bed.deps, learner, sessionId)).steps[1]!.startedAt, null);
    bed.runner.scriptJudge = judge;
    // Checking the open step runs its setup first (it was never completed).
    await checkAction(bed.deps, learner, sessionId, "two");
    assert.equal(bed.runner.scripts.filter((s) => s.sessionId === sessionId).length, 2);
    assert.ok((await getProgress(bed.deps, learner, sessionId)).steps[1]!.startedAt);
  });

  it("reveals hints one at a time (recorded), shows revealed ones again for free, and the solution", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const first = await hintAction(bed.deps, learner, sessionId, "one");
    assert.equal(first.index, 0);
    assert.match(first.html, /<strong>touch<\/strong>/);
    assert.equal(first.progress.steps[0]!.hintsUsed, 1);
    const again = await hintAction(bed.deps, learner, sessionId, "one", 0);
    assert.deepEqual([again.index, again.html, again.progress.steps[0]!.hintsUsed], [0, first.html, 1]);
    await assert.rejects(hintAction(bed.deps, learner, sessionId, "one", 1), kind("conflict", /not revealed yet/));
    const second = await hintAction(bed.deps, learner, sessionId, "one");
    assert.match(second.html, /<code>one-a<\/code>/);
    await assert.rejects(hintAction(bed.deps, learner, sessionId, "one"), kind("conflict", /all 2 hints/));
    assert.equal((await getProgress(bed.deps, learner, sessionId)).steps[0]!.hintsUsed, 2);

    const solution = await solutionAction(bed.deps, learner, sessionId, "one");
    assert.match(solution.html, /<code>touch \/root\/one-a \/root\/one-b<\/code>/);
    assert.doesNotMatch(solution.html, /<h\d[^>]*>Step one/, "the page already shows the step title");
    assert.equal(solution.progress.steps[0]!.solutionRevealed, true);
  });

  it("skips a step by running its solve script: skipped, no points, no attempt; and finishes the lab", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const skipped = await skipAction(bed.deps, learner, sessionId, "one");
    assert.equal(skipped.passed, true);
    assert.deepEqual(bed.runner.scripts.filter((s) => s.sessionId === sessionId).map((s) => s.script), ["touch /root/one-a /root/one-b"]);
    assert.deepEqual([skipped.progress.steps[0]!.status, skipped.progress.steps[0]!.attempts, skipped.progress.score.earned], ["skipped", 0, 0]);
    const runs = await bed.db.prisma.checkRun.findMany({ where: { sessionId } });
    assert.ok(runs.length === 2 && runs.every((r) => r.trigger === "skip"));
    await assert.rejects(skipAction(bed.deps, learner, sessionId, "one"), kind("conflict", /already skipped/));

    await skipAction(bed.deps, learner, sessionId, "two");
    await assert.rejects(skipAction(bed.deps, learner, sessionId, "three"), kind("conflict", /no solve script/));
    touch(sessionId, "/root/three");
    const last = await checkAction(bed.deps, learner, sessionId, "three");
    assert.deepEqual([last.progress.finished, last.progress.currentStepId, last.progress.score], [true, null, { earned: 1, max: 7 }]);
  });

  it("counts a skip as a skip even when the background check saw the step done while the solve ran", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const judge = bed.runner.scriptJudge;
    let backgroundSaw: string | undefined;
    bed.runner.scriptJudge = async (id, run) => {
      const result = await judge(id, run);
      backgroundSaw = (await autoCheck(bed.deps, sessionId))?.steps[0]!.status;
      return result;
    };
    try {
      const skipped = await skipAction(bed.deps, learner, sessionId, "one");
      assert.equal(backgroundSaw, "passed", "the background run passed the step mid-skip");
      assert.deepEqual([skipped.progress.steps[0]!.status, skipped.progress.score.earned], ["skipped", 0]);
    } finally {
      bed.runner.scriptJudge = judge;
    }
  });

  it("after an environment reset, replays the finished steps and sets up the current one again, keeping progress", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    touch(sessionId, "/root/one-a", "/root/one-b");
    await checkAction(bed.deps, learner, sessionId, "one");
    await startAction(bed.deps, learner, sessionId, "two");
    await resetSession(bed.deps, learner, sessionId);
    bed.files.set(sessionId, new Set()); // the fresh environment has none of the learner's files
    const scripts = () => bed.runner.scripts.filter((r) => r.sessionId === sessionId).map((r) => r.script);
    const before = scripts().length;
    const reset = await getProgress(bed.deps, learner, sessionId);
    assert.deepEqual(reset.steps.map((st) => [st.status, st.startedAt]), [["passed", null], ["active", null], ["locked", null]]);
    assert.equal((await autoCheck(bed.deps, sessionId))?.steps[1]!.lastCheck, null, "no background checks before the step is set up again");

    const started = await startAction(bed.deps, learner, sessionId, "two");
    assert.deepEqual(scripts().slice(before), ["touch /root/one-a /root/one-b", "echo prepare-two"], "step one's solve replayed (its setup is provisioning's), then step two's setup");
    assert.deepEqual(started.progress.steps.map((st) => st.status), ["passed", "active", "locked"]);
    assert.ok(started.progress.steps.every((st, i) => i === 2 || st.startedAt !== null));
    await startAction(bed.deps, learner, sessionId, "two");
    assert.equal(scripts().length, before + 2, "replayed once only");
  });

  it("keeps a failed solve from skipping, with the script's output in the error", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const judge = bed.runner.scriptJudge;
    bed.runner.scriptJudge = () => ({ exitCode: 0, timedOut: true, output: "still waiting" });
    await assert.rejects(skipAction(bed.deps, learner, sessionId, "one"), kind("failed", /solve script of step "Step one" did not finish within \d+s on host box: still waiting/));
    bed.runner.scriptJudge = judge;
    assert.equal((await getProgress(bed.deps, learner, sessionId)).steps[0]!.status, "active");
  });

  it("answers only the session's owner", async () => {
    const { sessionId } = await bed.learnerWithSession();
    const { learner: stranger } = await bed.learnerWithSession();
    const notFound = kind("not_found", /no session/);
    await assert.rejects(getProgress(bed.deps, stranger, sessionId), notFound);
    for (const action of [checkAction, startAction, skipAction, resetAction, solutionAction, hintAction]) {
      await assert.rejects(action(bed.deps, stranger, sessionId, "one"), notFound);
    }
  });

  it("auto-checks the current step in the background: recorded once per change, never an attempt, passes by itself", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const checksRun = () => bed.runner.checks.filter((c) => c.sessionId === sessionId).length;
    const first = await autoCheck(bed.deps, sessionId);
    assert.equal(checksRun(), 2);
    assert.equal(first?.steps[0]!.attempts, 0);
    await autoCheck(bed.deps, sessionId);
    assert.equal(checksRun(), 4);
    const background = () => bed.db.prisma.checkRun.findMany({ where: { sessionId, trigger: "background" } });
    assert.equal((await background()).length, 2, "an identical second run is not recorded again");

    touch(sessionId, "/root/one-a", "/root/one-b");
    const passed = await autoCheck(bed.deps, sessionId);
    assert.deepEqual([passed?.steps[0]!.status, passed?.steps[0]!.attempts, passed?.currentStepId], ["passed", 0, "two"]);
    assert.equal((await background()).length, 4);

    // Step two is open but not started (its setup has not run): nothing to check yet.
    await autoCheck(bed.deps, sessionId);
    assert.equal(checksRun(), 6);
    await startAction(bed.deps, learner, sessionId, "two");
    await autoCheck(bed.deps, sessionId);
    assert.equal(checksRun(), 7);

    // An environment that is not ready is left alone.
    bed.runner.sessions.get(sessionId)!.state = "provisioning";
    await autoCheck(bed.deps, sessionId);
    assert.equal(checksRun(), 7);
    bed.runner.sessions.get(sessionId)!.state = "ready";
    assert.equal(await autoCheck(bed.deps, "no-such-session"), null);
  });

  it("keeps progress across a runner restart: it comes from the database, not the runner", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    touch(sessionId, "/root/one-a", "/root/one-b");
    await checkAction(bed.deps, learner, sessionId, "one");
    await hintAction(bed.deps, learner, sessionId, "one");
    const before = await getProgress(bed.deps, learner, sessionId);

    // A new runner process: a fresh client that knows nothing yet, then (after adopting the
    // containers by their labels) the same session id again.
    const restarted = new MemoryRunner();
    fakeFilesystem(restarted, bed.files);
    const deps = bed.withRunner(restarted);
    assert.deepEqual(await getProgress(deps, learner, sessionId), before);
    restarted.sessions.set(sessionId, { ...bed.runner.sessions.get(sessionId)! });
    const next = await startAction(deps, learner, sessionId, "two");
    assert.deepEqual(next.progress.steps.map((s) => [s.status, s.attempts, s.hintsUsed]), [["passed", 1, 1], ["active", 0, 0], ["locked", 0, 0]]);
    assert.deepEqual(restarted.scripts.map((s) => s.script), ["echo prepare-two"]);
  });
});
