/**
 * Workshop load test (`node_modules/.bin/node --import tsx bench/workshop-load.ts [--learners 30]
 * [--window 10] [--warm 100] [--lab first-container]`): starts the whole product (`npm start`'s entry,
 * a fresh data dir, its own runner id, room for the learners), runs bench/workshop-load-run.ts against
 * it and prints join and claim latency (p50/p95/max). Needs Docker and a Next.js build; everything it
 * creates is removed at the end, even on failure. Exit code 1 when a learner failed to get a session.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { removeRunnerObjects } from "../test/e2e/browser";
import { startProduct } from "../test/e2e/product";
import { runWorkshopLoad } from "./workshop-load-run";

const { values } = parseArgs({ options: { learners: { type: "string", default: "30" }, window: { type: "string", default: "10" }, warm: { type: "string", default: "100" }, lab: { type: "string", default: "first-container" } } });
const learners = Number(values.learners);
const runnerId = `bench-ws-${process.pid}`;
const dataDir = await mkdtemp(path.join(tmpdir(), "praxis-workshop-load-"));
const product = await startProduct({
  PRAXIS_DATA_DIR: dataDir,
  PRAXIS_RUNNER_ID: runnerId,
  PRAXIS_MAX_SESSIONS: String(learners + 10),
  PRAXIS_MAX_MEMORY_MIB: String(Math.max(16_384, (learners + 10) * 512)),
});
let failed = false;
try {
  const result = await runWorkshopLoad({ url: product.url, runnerId, lab: values.lab!, learners, warmSharePercent: Number(values.warm), windowMs: Number(values.window) * 1000, log: (l) => console.log(l) });
  console.log(result.summary);
  for (const f of result.failures) console.log(`  ${f}`);
  failed = result.failures.length > 0;
} catch (err) {
  // The product's own log says why (e.g. a provisioning error); show its errors before giving up.
  console.error(product.output().split("\n").filter((l) => /"level":"(error|warn)"/.test(l)).slice(-15).join("\n"));
  throw err;
} finally {
  await product.stop();
  await removeRunnerObjects(runnerId);
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
