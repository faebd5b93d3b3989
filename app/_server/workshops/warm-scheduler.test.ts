/** The warm-pool scheduler on a real (temporary) SQLite database and the in-memory runner: a workshop warms by itself as its start comes near, with no dashboard open, and a failed run is reported and retried. */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { openDatabase } from "../../../prisma/db";
import { MemoryRunner } from "../memory-runner";
import { WARM_LEAD_MS } from "./plan";
import { startWarmScheduler } from "./warm-scheduler";

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(ok(), "timed out waiting");
};

describe("warm-pool scheduler", () => {
  it("warms a workshop from its lead time on, and stops warming once it is over, by the clock alone", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "praxis-warm-"));
    const db = await openDatabase({ dataDir: dir });
    const runner = new MemoryRunner();
    const start = new Date("2026-12-01T09:00:00Z");
    await db.prisma.workshop.create({
      data: { title: "Room", joinCode: "ACDEFG", labIds: "first-container", capacity: 10, startsAt: start, endsAt: new Date("2026-12-01T11:00:00Z"), timeLimitMinutes: 60, warmSharePercent: 30 },
    });
    let now = new Date(start.getTime() - WARM_LEAD_MS - 60_000);
    let runs = 0;
    const stop = startWarmScheduler({
      open: async () => ((runs += 1), { prisma: db.prisma, runner, close: async () => {} }),
      intervalMs: 5,
      onError: (err) => assert.fail(String(err)),
      now: () => now,
    });
    try {
      await until(() => runs >= 2);
      assert.deepEqual(runner.poolTargets, {}, "too early to warm");
      now = new Date(start.getTime() - WARM_LEAD_MS + 60_000);
      await until(() => runner.poolTargets["first-container"] === 3);
      now = new Date("2026-12-01T11:00:01Z");
      await until(() => Object.keys(runner.poolTargets).length === 0);
    } finally {
      stop();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports a failed run and tries again on the next tick", async () => {
    const errors: unknown[] = [];
    let attempts = 0;
    const stop = startWarmScheduler({
      open: async () => {
        attempts += 1;
        throw new Error("database unavailable");
      },
      intervalMs: 5,
      onError: (err) => errors.push(err),
    });
    await until(() => attempts >= 3);
    stop();
    assert.match(String(errors[0]), /database unavailable/);
  });
});
