/**
 * The warm-pool part of the runner benchmark: a runner child configured with PRAXIS_WARM_POOL keeps
 * `size` environments of the lab ready; each run waits until the pool is full again (so every start is
 * a claim, not a cold start), then times the start request (the claim) and the claim to first prompt.
 * The runner's own /metrics says how many members are warm.
 */
import type { EnvironmentSpec } from "../runner/environment/spec";
import { RunnerHttpClient } from "../runner/remote/client";
import type { RunnerChild } from "../scripts/server/runner-child";
import { ms, percentile } from "./stats";

export interface WarmPoolBenchOptions {
  child: RunnerChild;
  spec: EnvironmentSpec;
  size: number;
  runs: number;
  /** Resolves once a terminal to the session shows a prompt (closes it again). */
  firstPrompt(client: RunnerHttpClient, sessionId: string): Promise<void>;
}

async function warmCount(child: RunnerChild): Promise<number> {
  const text = await (await fetch(`${child.url}/metrics`, { headers: { authorization: `Bearer ${child.token}` } })).text();
  return Number(/^praxis_sessions\{state="warm"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

async function untilWarm(child: RunnerChild, size: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await warmCount(child)) < size) {
    if (Date.now() > deadline) throw new Error(`the warm pool did not reach ${size} members in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchWarmPool(o: WarmPoolBenchOptions): Promise<string> {
  const client = new RunnerHttpClient({ baseUrl: o.child.url, token: o.child.token });
  const claims: number[] = [];
  const prompts: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    await untilWarm(o.child, o.size);
    const t0 = performance.now();
    const s = await client.startSession(o.spec);
    claims.push(performance.now() - t0);
    if (s.state !== "ready") throw new Error(`start ${i + 1} was not a claim (state ${s.state})`);
    await o.firstPrompt(client, s.id);
    prompts.push(performance.now() - t0);
    await client.stopSession(s.id);
  }
  return (
    `warm-pool claim (${o.runs} runs, pool of ${o.size}): p50 ${ms(percentile(claims, 50))}, p95 ${ms(percentile(claims, 95))}; ` +
    `claim to first prompt: p50 ${ms(percentile(prompts, 50))}, p95 ${ms(percentile(prompts, 95))}`
  );
}
