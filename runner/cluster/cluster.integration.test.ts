/**
 * Kubernetes clusters on real Docker from the node image built here (praxis/kind-node): a one-node
 * cluster beside a workstation where kubectl works out of the box, a workload from a locally built image
 * served through a Service, the runner's own kubeconfig, kind CLI interop, adoption after a runner
 * restart, and a stop that leaves no container, network or volume; then a two-node cluster whose worker
 * runs pods and which `kind delete cluster` can remove. FAILS (does not skip) without the node image:
 * build it with `npx praxis images build kind-node`.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import Docker from "dockerode";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { managedFilter } from "../docker/labels";
import { resolveSpec } from "../environment/spec";
import { imageEnsurer } from "../images/builder";
import { ensureKindCli, type KindTools } from "../kind/kind-cli-tool";
import { KIND_NODE_VERSIONS, nodeImageFor } from "../kind/versions";
import { removeSessionObjects } from "../provision/teardown";
import { SessionManager, type SessionLimits } from "../sessions/manager";
import { ClusterChecks } from "../checks/cluster-check";
import type { KubernetesCheckRequest } from "../checks/request";
import { runnerKubeconfig } from "./access";

const sh = promisify(execFile);
const run = `it-cluster-${process.pid}`;
const rt = new DockerodeRuntime();
const docker = new Docker();
const limits: SessionLimits = { maxSessions: 4, maxMemoryBytes: 12 * 1024 ** 3, timeLimitMs: 900_000, idleTimeoutMs: 900_000, maxLifetimeMs: 900_000 };
const imagesDir = resolve(import.meta.dirname, "../../images");
const manager = (runnerId: string) => new SessionManager({ runtime: rt, runnerId, limits, ensureImage: imageEnsurer(rt, imagesDir) });
const spec = (labId: string, nodes: number) =>
  resolveSpec({
    labId,
    hosts: [{ name: "workstation", image: "praxis/workstation" }],
    cluster: { nodes, kubernetesVersion: KIND_NODE_VERSIONS.kubernetes, image: nodeImageFor(KIND_NODE_VERSIONS.kubernetes), loadImages: ["praxis/hello-web"] },
  });

/** Runs a shell command on the workstation; fails the test with its output on a non-zero exit. */
async function onWorkstation(id: string, script: string, timeoutMs = 180_000): Promise<string> {
  const r = await rt.exec(id, { cmd: ["bash", "-c", script], timeoutMs });
  assert.equal(r.exitCode, 0, `\`${script}\` failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Runs a one-shot pod to completion and returns its logs (`kubectl run -i` can miss fast output). */
async function podOutput(ws: string, name: string, command: string, nodeName?: string): Promise<string> {
  const overrides = nodeName ? ` --overrides='{"spec":{"nodeName":"${nodeName}"}}'` : "";
  return onWorkstation(
    ws,
    `kubectl run ${name} --restart=Never --image=praxis/hello-web:latest --image-pull-policy=IfNotPresent${overrides} -- ${command} >/dev/null && ` +
      `kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/${name} --timeout=120s >/dev/null && kubectl logs ${name} && kubectl delete pod ${name} --wait=false >/dev/null`,
  );
}

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: praxis/hello-web:latest
          imagePullPolicy: IfNotPresent
          ports: [{ containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

describe("kind clusters on Docker", { timeout: 20 * 60_000 }, () => {
  let kind: KindTools;
  before(async () => {
    const image = nodeImageFor(KIND_NODE_VERSIONS.kubernetes);
    assert.ok(await rt.inspectImage(image), `${image} is not built on this machine; run \`npx praxis images build kind-node\` first`);
    kind = await ensureKindCli(process.env);
  });
  after(async () => {
    for (const c of await rt.listContainers({ "praxis.managed": "true" })) {
      if (c.labels["praxis.runner"]?.startsWith(run)) await removeSessionObjects(rt, c.labels["praxis.session"]!);
    }
    for (const n of await rt.listNetworks({ "praxis.managed": "true" })) {
      if (n.labels["praxis.runner"]?.startsWith(run)) await rt.removeNetwork(n.id);
    }
  });

  it("one node beside a workstation: kubectl, a local image behind a Service, kind interop, adoption, nothing left", async () => {
    const runnerId = `${run}-one`;
    const m = manager(runnerId);
    const s = await m.create(spec("it-kube-one", 1));
    assert.equal(s.cluster?.name, `praxis-${s.id}`);
    const ws = s.hosts.find((h) => h.name === "workstation")!.containerId;

    const nodes = await onWorkstation(ws, `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'`);
    assert.equal(nodes.trim(), `${s.cluster!.name}-control-plane=True`);

    // Kubernetes checks, as the runner runs them: fail with the precise difference, then pass.
    const checks = new ClusterChecks(rt);
    const replicas = (n: number): KubernetesCheckRequest => ({
      kind: "kubernetes",
      assertion: { form: "match", object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" }, manifest: { spec: { replicas: n } } },
      timeoutMs: 2000,
      intervalMs: 500,
    });
    const before = await checks.run(s.id, replicas(2));
    assert.deepEqual([before.passed, before.message], [false, "Deployment default/web not found"]);

    await onWorkstation(ws, `kubectl apply -f - <<'EOF'\n${WEB}\nEOF\nkubectl rollout status deployment/web --timeout=150s`);
    assert.deepEqual(await checks.run(s.id, replicas(2)).then((r) => [r.passed, r.message]), [true, ""]);
    const wrong = await checks.run(s.id, replicas(3));
    assert.deepEqual([wrong.passed, wrong.message], [false, "Deployment default/web: spec.replicas: expected 3, got 2"]);
    const answer = await podOutput(ws, "probe", "busybox wget -qO- http://web/cgi-bin/hello");
    assert.match(answer, /Hello from Praxis — served by web-[a-z0-9]+-[a-z0-9]+/);

    // The runner's kubeconfig reaches the API server through the port published on 127.0.0.1.
    const kc = new KubeConfig();
    kc.loadFromString(await runnerKubeconfig(rt, s.id));
    const list = await kc.makeApiClient(CoreV1Api).listNode();
    assert.deepEqual(list.items.map((n) => n.metadata?.name), [`${s.cluster!.name}-control-plane`]);

    // The official kind CLI lists the cluster and derives a working kubeconfig for it.
    const clusters = (await sh(kind.kind, ["get", "clusters"])).stdout.split("\n");
    assert.ok(clusters.includes(s.cluster!.name), `kind get clusters: ${clusters.join(", ")}`);
    const kindConfig = (await sh(kind.kind, ["get", "kubeconfig", "--name", s.cluster!.name])).stdout;
    assert.match(kindConfig, /server: https:\/\/127\.0\.0\.1:\d+/);

    // A restarted runner adopts the session, cluster included.
    const restarted = manager(runnerId);
    assert.deepEqual((await restarted.reconcile()).adopted, [s.id]);
    assert.deepEqual(restarted.get(s.id).cluster, { name: s.cluster!.name, nodes: 1 });

    const [node] = await rt.listContainers({ ...managedFilter(runnerId), "praxis.role": "node" });
    const volumes = node!.mounts.filter((mt) => mt.type === "volume").map((mt) => mt.source);
    assert.equal(volumes.length, 1, "the node's /var is an anonymous volume");
    await restarted.stop(s.id);
    assert.deepEqual(await rt.listContainers(managedFilter(runnerId)), []);
    assert.deepEqual(await rt.listNetworks(managedFilter(runnerId)), []);
    for (const v of volumes) await assert.rejects(docker.getVolume(v).inspect(), /no such volume/i, `volume ${v} left behind`);
  });

  it("two nodes: the worker joins and runs pods; kind delete cluster removes Praxis-made nodes", async () => {
    const runnerId = `${run}-two`;
    const m = manager(runnerId);
    const s = await m.create(spec("it-kube-two", 2));
    const ws = s.hosts.find((h) => h.name === "workstation")!.containerId;
    const worker = `${s.cluster!.name}-worker`;
    const ready = await onWorkstation(ws, `kubectl get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}'`);
    assert.equal(ready.trim(), "True True");
    const out = await onWorkstation(
      ws,
      `kubectl run on-worker --restart=Never --image=praxis/hello-web:latest --image-pull-policy=IfNotPresent --overrides='{"spec":{"nodeName":"${worker}"}}' && ` +
        "kubectl wait --for=condition=Ready pod/on-worker --timeout=120s && kubectl get pod on-worker -o jsonpath='{.spec.nodeName} {.status.podIP}'",
    );
    const [nodeName, podIp] = out.trim().split("\n").at(-1)!.split(" ");
    assert.equal(nodeName, worker);
    // Pod-to-pod across nodes: the control plane's network reaches the worker's pod.
    const across = await podOutput(ws, "from-cp", `busybox wget -qO- http://${podIp}:8080/cgi-bin/hello`, `${s.cluster!.name}-control-plane`);
    assert.match(across, /served by on-worker/);

    await sh(kind.kind, ["delete", "cluster", "--name", s.cluster!.name]);
    assert.deepEqual(await rt.listContainers({ ...managedFilter(runnerId), "praxis.role": "node" }), [], "kind deleted the nodes");
    await m.stop(s.id);
    assert.deepEqual(await rt.listContainers(managedFilter(runnerId)), []);
    assert.deepEqual(await rt.listNetworks(managedFilter(runnerId)), []);
  });
});
