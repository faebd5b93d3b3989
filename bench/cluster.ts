/**
 * Cluster benchmark (`node_modules/.bin/node --import tsx bench/cluster.ts [--runs N] [--pool P]`),
 * on the node image built here (praxis/kind-node), against real Docker:
 *  - cold create: Praxis's provisioner (to "API server up", kind's own notion of done, and to "every
 *    node Ready and CoreDNS available", what a learner gets) vs the official `kind create cluster`
 *    (default and `--wait 5m`) on the same image and machine; runs alternate so load drifts hit both;
 *  - warm-pool claim: P environments (workstation + one-node cluster) provisioned ahead, then claimed;
 *    claim latency, and claim to a working `kubectl get nodes` on the workstation;
 *  - memory of an idle one-node cluster after a minute (docker stats: usage minus page cache) and how
 *    many such environments fit in 24 GiB by measured use and by the limits admission counts.
 * Everything it creates carries a bench runner id and is removed at the end, even on failure.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import Docker from "dockerode";
import { DockerodeRuntime } from "../runner/docker/dockerode-runtime";
import { managedFilter } from "../runner/docker/labels";
import { resolveSpec, specMemoryBytes } from "../runner/environment/spec";
import { imageEnsurer } from "../runner/images/builder";
import { ensureKindCli } from "../runner/kind/kind-cli-tool";
import { KIND_NODE_VERSIONS, nodeImageFor } from "../runner/kind/versions";
import { removeSessionObjects } from "../runner/provision/teardown";
import { SessionManager } from "../runner/sessions/manager";
import { mib, percentile } from "./stats";

const sh = promisify(execFile);
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, pool: { type: "string", default: "2" } } });
const RUNS = Number(values.runs);
const POOL = Number(values.pool);
const runnerId = `bench-cluster-${process.pid}`;
const rt = new DockerodeRuntime();
const docker = new Docker();
const image = nodeImageFor(KIND_NODE_VERSIONS.kubernetes);
const GiB = 1024 ** 3;
const spec = resolveSpec({
  labId: "bench-cluster",
  hosts: [{ name: "workstation", image: "praxis/workstation" }],
  cluster: { nodes: 1, kubernetesVersion: KIND_NODE_VERSIONS.kubernetes, image },
});
const manager = new SessionManager({
  runtime: rt,
  runnerId,
  limits: { maxSessions: 20, maxMemoryBytes: 20 * GiB, timeLimitMs: 3_600_000, idleTimeoutMs: 3_600_000, maxLifetimeMs: 3_600_000 },
  ensureImage: imageEnsurer(rt, resolve(import.meta.dirname, "../images")),
});
const s = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
const stats = (xs: number[]) => `p50 ${s(percentile(xs, 50))}, min ${s(Math.min(...xs))}, max ${s(Math.max(...xs))}`;

async function praxisCreate(): Promise<{ apiUp: number; ready: number; id: string }> {
  const t0 = performance.now();
  let apiUp = 0;
  const session = await manager.create(spec, {
    onEvent: (e) => {
      if (e.step === "install-cluster-addons" && e.status === "done") apiUp = performance.now() - t0;
    },
  });
  return { apiUp, ready: performance.now() - t0, id: session.id };
}

async function kindCreate(kind: string, wait: boolean): Promise<number> {
  const name = `bench-kind-${process.pid}`;
  const t0 = performance.now();
  await sh(kind, ["create", "cluster", "--name", name, "--image", image, "--kubeconfig", `/tmp/${name}.kubeconfig`, ...(wait ? ["--wait", "5m"] : [])]);
  const took = performance.now() - t0;
  await sh(kind, ["delete", "cluster", "--name", name, "--kubeconfig", `/tmp/${name}.kubeconfig`]);
  return took;
}

async function idleMemory(sessionId: string): Promise<number> {
  const [node] = await rt.listContainers({ "praxis.session": sessionId, "praxis.role": "node" });
  const st = (await docker.getContainer(node!.id).stats({ stream: false })) as { memory_stats: { usage: number; stats?: { cache?: number; total_inactive_file?: number } } };
  return st.memory_stats.usage - (st.memory_stats.stats?.total_inactive_file ?? st.memory_stats.stats?.cache ?? 0);
}

try {
  if (!(await rt.inspectImage(image))) throw new Error(`${image} is missing; run \`npx praxis images build kind-node\``);
  const { kind } = await ensureKindCli(process.env);
  const ours = { apiUp: [] as number[], ready: [] as number[] };
  const theirs = { plain: [] as number[], wait: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const c = await praxisCreate();
    ours.apiUp.push(c.apiUp);
    ours.ready.push(c.ready);
    await manager.stop(c.id);
    theirs.plain.push(await kindCreate(kind, false));
    theirs.wait.push(await kindCreate(kind, true));
    console.error(`run ${i + 1}/${RUNS}: praxis ${s(c.apiUp)} / ${s(c.ready)}, kind ${s(theirs.plain.at(-1)!)} / --wait ${s(theirs.wait.at(-1)!)}`);
  }
  console.log(`cold create, one node (${RUNS} runs, alternating):`);
  console.log(`  praxis, API server up (kind's "done"):      ${stats(ours.apiUp)}`);
  console.log(`  praxis, nodes Ready + CoreDNS + kubectl:     ${stats(ours.ready)}`);
  console.log(`  kind create cluster:                         ${stats(theirs.plain)}  -> praxis/kind ratio ${(percentile(ours.apiUp, 50) / percentile(theirs.plain, 50)).toFixed(2)}`);
  console.log(`  kind create cluster --wait 5m:               ${stats(theirs.wait)}  -> praxis(ready)/kind(--wait) ratio ${(percentile(ours.ready, 50) / percentile(theirs.wait, 50)).toFixed(2)}`);

  const members = [];
  for (let i = 0; i < POOL; i++) members.push(await manager.startWarm(spec));
  const claims: number[] = [];
  const toKubectl: number[] = [];
  let idle = 0;
  for (let i = 0; i < POOL; i++) {
    const t0 = performance.now();
    const started = await manager.start(spec);
    claims.push(performance.now() - t0);
    if (!started.claimed) throw new Error("start was not a claim");
    const ws = started.session.hosts.find((h) => h.name === "workstation")!.containerId;
    const r = await rt.exec(ws, { cmd: ["kubectl", "get", "nodes"], timeoutMs: 30_000 });
    if (r.exitCode !== 0) throw new Error(`kubectl get nodes failed: ${r.stderr}`);
    toKubectl.push(performance.now() - t0);
    if (i === 0) {
      await new Promise((r2) => setTimeout(r2, 60_000));
      idle = await idleMemory(started.session.id);
    }
    await manager.stop(started.session.id);
  }
  const ms = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
  console.log(`warm-pool claim (${POOL} members): ${ms(claims)}; claim to kubectl get nodes on the workstation: ${ms(toKubectl)}`);
  const ws = 40 * 1024 ** 2; // an idle workstation, measured by bench/runner.ts (~4 MiB) with headroom for tmux
  console.log(`idle one-node cluster after 60 s: ${mib(idle)}; fits in 24 GiB by use: ${Math.floor((24 * GiB) / (idle + ws))}, by admission limits (${mib(specMemoryBytes(spec))} each): ${Math.floor((24 * GiB) / specMemoryBytes(spec))}`);
} finally {
  const ids = new Set((await rt.listContainers(managedFilter(runnerId))).map((c) => c.labels["praxis.session"]!));
  for (const id of ids) await removeSessionObjects(rt, id);
}
