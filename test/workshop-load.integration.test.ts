/**
 * The workshop load test in CI size: six learners join within three seconds against a fully warm pool
 * on the real product and Docker; every one gets a session, and every start is a warm claim that
 * answers quickly (the full 30-learner run is bench/workshop-load.ts, see README "Workshops").
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { removeRunnerObjects } from "./e2e/browser";
import { startProduct, type RunningProduct } from "./e2e/product";
import { runWorkshopLoad } from "../bench/workshop-load-run";

describe("workshop load (integration, small room)", { timeout: 240_000 }, () => {
  const runnerId = `it-wsload-${process.pid}`;
  let product: RunningProduct | undefined;
  let dataDir = "";

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "praxis-wsload-it-"));
    product = await startProduct({ PRAXIS_DATA_DIR: dataDir, PRAXIS_RUNNER_ID: runnerId });
  });
  after(async () => {
    await product?.stop();
    await removeRunnerObjects(runnerId);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("gives six learners warm environments, every start a warm claim that never takes seconds (figures: bench/workshop-load.ts)", async () => {
    const r = await runWorkshopLoad({ url: product!.url, runnerId, lab: "first-container", learners: 6, warmSharePercent: 100, windowMs: 3_000, warmTimeoutMs: 180_000 });
    console.log(r.summary);
    assert.deepEqual(r.failures, []);
    assert.equal(r.claimed, 6, "every start was a warm claim");
    assert.ok(Math.max(...r.claimMs) < 2_000, `slowest claim ${Math.max(...r.claimMs)} ms`);
  });
});
