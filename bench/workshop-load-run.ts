/**
 * The workshop load test, as a function (bench/workshop-load.ts runs it from the command line, and
 * test/workshop-load.integration.test.ts with a small room): against a running product, sign in as the
 * instructor (first-run setup), create a running workshop of one lab, warm it up and wait until the
 * runner holds the warm seats (counted through Docker by the pool label), then let `learners` simulated
 * browsers join at random moments within `windowMs` — join by code with a name, then start the lab like
 * the player does. Reports join and claim latency (p50/p95/max) and how many starts were warm claims.
 */
import { DockerodeRuntime } from "../runner/docker/dockerode-runtime";
import { LABEL } from "../runner/docker/labels";
import { BrowserLike } from "./http-session";
import { ms, percentile } from "./stats";

export interface WorkshopLoadOptions {
  url: string;
  runnerId: string;
  lab: string;
  learners: number;
  /** Share of seats the workshop keeps warm, in percent. */
  warmSharePercent: number;
  windowMs: number;
  warmTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface WorkshopLoadResult {
  joinMs: number[];
  claimMs: number[];
  claimed: number;
  cold: number;
  failures: string[];
  warmedInMs: number;
  sessionIds: string[];
  workshopId: string;
  summary: string;
}

const stats = (xs: number[]) => (xs.length ? `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}, max ${ms(Math.max(...xs))}` : "no samples");

export async function runWorkshopLoad(o: WorkshopLoadOptions): Promise<WorkshopLoadResult> {
  const log = o.log ?? (() => {});
  const runtime = new DockerodeRuntime();
  const teacher = new BrowserLike(o.url);
  await teacher.ok("POST", "/api/auth/setup", { email: "load@example.org", password: "load-test-password-1" });
  const now = Date.now();
  const { workshop } = await teacher.ok<{ workshop: { id: string; joinCode: string } }>("POST", "/api/workshops", {
    title: "Load test",
    labIds: [o.lab],
    capacity: o.learners,
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    timeLimitMinutes: 60,
    warmSharePercent: o.warmSharePercent,
  });
  const warmAt = performance.now();
  const { targets } = await teacher.ok<{ targets: Record<string, number> }>("POST", `/api/workshops/${workshop.id}/warm-up`);
  const want = targets[o.lab] ?? 0;
  log(`workshop ${workshop.joinCode}: warming ${want} × ${o.lab}…`);
  const deadline = Date.now() + (o.warmTimeoutMs ?? 600_000);
  let told = Date.now();
  for (;;) {
    const warm = (await runtime.listContainers({ [LABEL.runner]: o.runnerId, [LABEL.pool]: o.lab })).filter((c) => c.state === "running").length;
    if (warm >= want) break;
    if (Date.now() - told > 15_000) {
      told = Date.now();
      log(`  ${warm} of ${want} warm after ${((performance.now() - warmAt) / 1000).toFixed(0)} s`);
    }
    if (Date.now() > deadline) throw new Error(`only ${warm} of ${want} warm environments after ${(o.warmTimeoutMs ?? 600_000) / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // Membership is recorded once the member is warm; give the runner a beat to record the last one.
  await new Promise((r) => setTimeout(r, 1_000));
  const warmedInMs = performance.now() - warmAt;
  log(`pool warm after ${(warmedInMs / 1000).toFixed(1)} s; ${o.learners} learners join within ${o.windowMs / 1000} s`);

  const joinMs: number[] = [];
  const claimMs: number[] = [];
  const failures: string[] = [];
  const sessionIds: string[] = [];
  let claimed = 0;
  await Promise.all(
    Array.from({ length: o.learners }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * o.windowMs));
      const learner = new BrowserLike(o.url);
      try {
        let t0 = performance.now();
        await learner.ok("POST", `/api/workshops/join/${workshop.joinCode}`, { displayName: `Learner ${i + 1}` });
        joinMs.push(performance.now() - t0);
        t0 = performance.now();
        const { session } = await learner.ok<{ session: { id: string; state: string } }>("POST", `/api/labs/${o.lab}/session`);
        claimMs.push(performance.now() - t0);
        sessionIds.push(session.id);
        if (session.state === "ready") claimed++;
      } catch (err) {
        failures.push(`learner ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  const cold = sessionIds.length - claimed;
  const summary =
    `workshop load: ${o.learners} learners within ${o.windowMs / 1000} s, pool of ${want} (${o.warmSharePercent}% warm, ready after ${(warmedInMs / 1000).toFixed(1)} s)\n` +
    `  join:  ${stats(joinMs)}\n` +
    `  claim: ${stats(claimMs)} — ${claimed} warm claims, ${cold} cold starts, ${failures.length} failures`;
  return { joinMs, claimMs, claimed, cold, failures, warmedInMs, sessionIds, workshopId: workshop.id, summary };
}
