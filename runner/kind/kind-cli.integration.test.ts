/**
 * Proof of node-image compatibility: the official kind CLI (v0.30.0, built from its Go module into the
 * kind-node cache) creates a one-node cluster from praxis/kind-node:<version>, the node becomes Ready and
 * CoreDNS runs, then the cluster is deleted. Needs Docker and the node image; it deliberately FAILS (not
 * skips) when the image is missing (`npx praxis images build kind-node`).
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { SpawnCommandRunner, type CommandResult } from "./command-runner";
import { ensureKindCli } from "./kind-cli-tool";
import { imageRefs, KIND_NODE_VERSIONS } from "./versions";

const CLUSTER = "praxis-proof";
const runner = new SpawnCommandRunner(process.env);
let cacheRoot = "";
const nodeImage = imageRefs(KIND_NODE_VERSIONS).node;

async function sh(cmd: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return runner.run({ cmd, args, cwd: cacheRoot, env }, (line) => process.stderr.write(`  | ${line}\n`));
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 3000));
  }
  assert.fail(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

test(`kind ${KIND_NODE_VERSIONS.kindCli} creates a working cluster from ${nodeImage}`, { timeout: 15 * 60_000 }, async (t) => {
  const runtime = new DockerodeRuntime();
  const image = await runtime.inspectImage(nodeImage);
  assert.ok(image, `${nodeImage} is not built on this machine; run \`npx praxis images build kind-node\` first`);

  const tools = await ensureKindCli(process.env, (l) => process.stderr.write(`${l}\n`));
  const { kind, kubectl } = tools;
  cacheRoot = tools.cacheRoot;
  const work = await mkdtemp(join(tmpdir(), "praxis-kind-proof-"));
  const kubeconfig = join(work, "kubeconfig");
  t.after(async () => {
    await sh(kind, ["delete", "cluster", "--name", CLUSTER, "--kubeconfig", kubeconfig]);
    await rm(work, { recursive: true, force: true });
  });

  await sh(kind, ["delete", "cluster", "--name", CLUSTER, "--kubeconfig", kubeconfig]); // leftovers of an aborted run
  const created = await sh(kind, ["create", "cluster", "--name", CLUSTER, "--image", nodeImage, "--kubeconfig", kubeconfig, "--retain"]);
  assert.equal(created.exitCode, 0, `kind create cluster failed:\n${created.tail}`);

  const k = (args: string[]) => sh(kubectl, ["--kubeconfig", kubeconfig, ...args]);
  await until("the node to be Ready", 180_000, async () => {
    const r = await k(["get", "nodes", "-o", "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}"]);
    return r.exitCode === 0 && r.tail.trim() === "True";
  });
  await until("CoreDNS to be available", 180_000, async () => {
    const r = await k(["-n", "kube-system", "get", "deployment", "coredns", "-o", "jsonpath={.status.availableReplicas}"]);
    return r.exitCode === 0 && Number(r.tail.trim()) >= 1;
  });
  const sc = await k(["get", "storageclass", "standard", "-o", "name"]);
  assert.equal(sc.exitCode, 0, `default StorageClass missing:\n${sc.tail}`);
  const version = await k(["version", "-o", "json"]);
  assert.match(version.tail, new RegExp(`"gitVersion": "${KIND_NODE_VERSIONS.kubernetes.replaceAll(".", "\\.")}"`));

  const deleted = await sh(kind, ["delete", "cluster", "--name", CLUSTER, "--kubeconfig", kubeconfig]);
  assert.equal(deleted.exitCode, 0, `kind delete cluster failed:\n${deleted.tail}`);
  assert.deepEqual(await runtime.listContainers({ "io.x-k8s.kind.cluster": CLUSTER }), [], "kind delete leaves no node containers");
});
