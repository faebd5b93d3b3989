/**
 * Runner benchmark (`node_modules/.bin/node --import tsx bench/runner.ts [--runs N] [--sessions M]`):
 * starts the real runner (runner/main.ts as a child, like `npm start`) against Docker and measures
 * cold start to first shell prompt, keystroke echo latency and output throughput over the real
 * terminal WebSocket, memory per idle session (docker stats) and the runner's RSS with M sessions
 * (this runner has no warm pool, so those starts are cold), then the warm-pool claim latency on a
 * second runner child with PRAXIS_WARM_POOL=<lab>=<pool> (see warm-pool.ts).
 * Every loop is bounded and everything it creates is removed at the end, even on failure.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Docker from "dockerode";
import { RunnerHttpClient } from "../runner/remote/client";
import { labSpecLoader } from "../runner/process/lab-specs";
import { TerminalClient } from "../runner/terminal/client";
import { startRunnerChild } from "../scripts/server/runner-child";
import { mib, ms, percentile } from "./stats";
import { benchWarmPool } from "./warm-pool";

const ORIGIN = "http://bench.localhost";
const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, sessions: { type: "string", default: "30" }, lab: { type: "string", default: "first-container" }, pool: { type: "string", default: "2" } } });
const RUNS = Number(values.runs);
const SESSIONS = Number(values.sessions);
const runnerId = `bench-${process.pid}`;
const docker = new Docker();

const dataDir = await mkdtemp(path.join(tmpdir(), "praxis-bench-"));
const child = await startRunnerChild({
  node: process.execPath,
  repoRoot: root,
  env: { ...process.env, PRAXIS_RUNNER_ID: runnerId, PRAXIS_MAX_SESSIONS: String(SESSIONS + 5), PRAXIS_MAX_MEMORY_MIB: "20000", PRAXIS_LOG_LEVEL: "warn" },
  allowedOrigins: [ORIGIN],
  dataDir,
});
const client = new RunnerHttpClient({ baseUrl: child.url, token: child.token });
const spec = await labSpecLoader([path.join(root, "content", "labs")])(values.lab!);

async function openTerminal(sessionId: string, via = client, base = child.url): Promise<TerminalClient> {
  const ticket = await via.mintTicket(sessionId, spec.hosts[0]!.name);
  return TerminalClient.connect(`${base.replace("http", "ws")}${ticket.path}`, { origin: ORIGIN });
}

/** Resolves when the accumulated output satisfies `test`, or rejects after `timeoutMs`. */
function waitFor(term: TerminalClient, test: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => (stop(), reject(new Error(`timed out waiting for terminal output; got ${JSON.stringify(text.slice(-200))}`))), timeoutMs);
    const stop = term.onOutput((data) => {
      text += Buffer.from(data).toString("latin1");
      if (test(text)) {
        clearTimeout(timer);
        stop();
        resolve(text);
      }
    });
  });
}
const prompt = (t: string) => /[#$] $/.test(t.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trimEnd() + " ");

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

try {
  // 1. Cold start to first prompt.
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const s = await client.createSession(spec);
    const term = await openTerminal(s.id);
    await waitFor(term, prompt);
    cold.push(performance.now() - t0);
    term.close();
    await client.stopSession(s.id);
  }
  console.log(`cold start to first prompt (${RUNS} runs): p50 ${ms(percentile(cold, 50))}, p95 ${ms(percentile(cold, 95))}`);

  // 2. Keystroke echo latency and throughput on one session.
  const s = await client.createSession(spec);
  const term = await openTerminal(s.id);
  await waitFor(term, prompt);
  const echo: number[] = [];
  for (let i = 0; i < 200; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    const seen = waitFor(term, (t) => t.includes(ch), 5_000);
    const t0 = performance.now();
    term.write(ch);
    await seen;
    echo.push(performance.now() - t0);
    if (i % 20 === 19) term.write("\x15"); // Ctrl-U keeps the line short
  }
  term.write("\x15");
  console.log(`keystroke echo (200 keys): p50 ${ms(percentile(echo, 50))}, p99 ${ms(percentile(echo, 99))}`);

  let bytes = 0;
  const count = term.onOutput((d) => (bytes += d.length));
  const t0 = performance.now();
  const done = waitFor(term, (t) => t.includes("BENCH-END"), 120_000);
  term.write("seq 1 300000; echo BENCH-$((1))END | tr -d 1\r");
  await done;
  const seconds = (performance.now() - t0) / 1000;
  count();
  // tmux redraws the screen instead of forwarding every byte, so lines/s is the learner-visible rate.
  console.log(`throughput: seq 1 300000 finished in ${seconds.toFixed(2)} s (${Math.round(300000 / seconds)} lines/s); ${mib(bytes)} of tmux redraws reached the client (${mib(bytes / seconds)}/s)`);
  term.close();
  await client.stopSession(s.id);

  // 3. Idle memory with SESSIONS sessions, created 4 at a time.
  const ids: string[] = [];
  const rssBefore = await rssOf(child.pid);
  for (let i = 0; i < SESSIONS; i += 4) {
    const batch = await Promise.all(Array.from({ length: Math.min(4, SESSIONS - i) }, () => client.createSession(spec)));
    ids.push(...batch.map((b) => b.id));
  }
  // Attach one terminal each so tmux is running, as for a learner who opened the lab, then go idle.
  const terms = await Promise.all(ids.map((id) => openTerminal(id)));
  await new Promise((r) => setTimeout(r, 10_000));
  const containers = await docker.listContainers({ filters: { label: [`praxis.runner=${runnerId}`] } });
  const usages = await Promise.all(
    containers.map(async (c) => {
      const stats = (await docker.getContainer(c.Id).stats({ stream: false })) as { memory_stats: { usage?: number; stats?: { inactive_file?: number } } };
      return (stats.memory_stats.usage ?? 0) - (stats.memory_stats.stats?.inactive_file ?? 0);
    }),
  );
  console.log(`memory per idle session (${containers.length} containers, docker stats usage - inactive_file): p50 ${mib(percentile(usages, 50))}, max ${mib(Math.max(...usages))}`);
  console.log(`runner RSS: ${mib(rssBefore)} before, ${mib(await rssOf(child.pid))} with ${ids.length} sessions and ${terms.length} open terminals`);
  for (const t of terms) t.close();
  for (const id of ids) await client.stopSession(id);
  await child.stop();

  // 4. Warm pool: a second runner that keeps POOL environments of the lab ready.
  const pooled = await startRunnerChild({
    node: process.execPath,
    repoRoot: root,
    env: { ...process.env, PRAXIS_RUNNER_ID: runnerId, PRAXIS_WARM_POOL: `${values.lab}=${values.pool}`, PRAXIS_LOG_LEVEL: "warn" },
    allowedOrigins: [ORIGIN],
    dataDir,
  });
  try {
    const line = await benchWarmPool({
      child: pooled,
      spec,
      size: Number(values.pool),
      runs: RUNS,
      firstPrompt: async (via, id) => {
        const t = await openTerminal(id, via, pooled.url);
        await waitFor(t, prompt);
        t.close();
      },
    });
    console.log(line);
  } finally {
    await pooled.stop();
  }
} finally {
  await child.stop();
  for (const c of await docker.listContainers({ all: true, filters: { label: [`praxis.runner=${runnerId}`] } })) await docker.getContainer(c.Id).remove({ force: true }).catch(() => {});
  for (const n of await docker.listNetworks({ filters: { label: [`praxis.runner=${runnerId}`] } })) await docker.getNetwork(n.Id).remove().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
}
