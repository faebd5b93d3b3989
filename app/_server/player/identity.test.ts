/**
 * Learner identity: the display name rules, a resume link that is made once and stays stable, that
 * signs a second device in as the same learner (who then sees the same progress), and a public id that
 * is not the cookie's secret.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { LabSessionError } from "../runner-client";
import { playerBed, type PlayerBed } from "./fixtures/harness";
import { learnerForResumeToken, meView, parseDisplayName, setDisplayName } from "./identity";
import { checkAction, getProgress } from "./step-actions";

describe("learner identity", () => {
  let bed: PlayerBed;
  before(async () => {
    bed = await playerBed();
  });
  after(() => bed.close());

  it("trims display names and refuses empty, long or control-character ones", () => {
    assert.equal(parseDisplayName("  Ada   Lovelace "), "Ada Lovelace");
    assert.equal(parseDisplayName("x".repeat(40)), "x".repeat(40));
    for (const bad of ["", "   ", "x".repeat(41), "a\u0000b", "a\u202eb", 42, null]) {
      assert.throws(() => parseDisplayName(bad), (e: unknown) => e instanceof LabSessionError && e.kind === "bad_request", JSON.stringify(bad));
    }
  });

  it("gives a stable resume link and a public id that is not the cookie secret", async () => {
    const { learner } = await bed.learnerWithSession();
    const me = await meView(bed.db.prisma, learner, "https://labs.example.org");
    assert.match(me.resumeUrl, /^https:\/\/labs\.example\.org\/resume\/[A-Za-z0-9_-]{32}$/);
    assert.equal(me.displayName, null);
    assert.notEqual(me.id, learner);
    assert.ok(!me.resumeUrl.includes(learner));
    assert.deepEqual(await meView(bed.db.prisma, learner, "https://labs.example.org"), me, "the same link every time");
    const named = await setDisplayName(bed.db.prisma, learner, " Grace ", "https://labs.example.org");
    assert.deepEqual(named, { ...me, displayName: "Grace" });
  });

  it("signs a new device in as the same learner, who finds the same progress", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    bed.files.set(sessionId, new Set(["/root/one-a", "/root/one-b"]));
    await checkAction(bed.deps, learner, sessionId, "one");
    const token = new URL((await meView(bed.db.prisma, learner, "http://localhost:3000")).resumeUrl).pathname.split("/").pop()!;

    const onNewDevice = await learnerForResumeToken(bed.db.prisma, token);
    assert.equal(onNewDevice, learner);
    const progress = await getProgress(bed.deps, onNewDevice!, sessionId);
    assert.deepEqual(progress.steps.map((s) => s.status), ["passed", "active", "locked"]);

    assert.equal(await learnerForResumeToken(bed.db.prisma, token.replace(/.$/, (c) => (c === "A" ? "B" : "A"))), null);
    assert.equal(await learnerForResumeToken(bed.db.prisma, "short"), null);
    assert.equal(await learnerForResumeToken(bed.db.prisma, learner), null, "the learner id itself is not a resume token");
  });
});
