/**
 * Cluster provisioning on the fake runtime: the steps run kind's sequence in the nodes (config, init,
 * CNI, storage, join, image load, readiness), hosts get kubectl and a kubeconfig, and a failure half-way
 * (an image holding another Kubernetes version) rolls everything back.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import type { FakeExecCall } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { newContext } from "../provision/context";
import { ProvisionError } from "../provision/errors";
import { provision } from "../provision/provision";

const NODE_IMAGE = "praxis/kind-node:v1.34.4";
const ADMIN_CONF = `apiVersion: v1
kind: Config
clusters: [{ name: kubernetes, cluster: { server: "https://praxis-s1-control-plane:6443" } }]
contexts: [{ name: admin, context: { cluster: kubernetes, user: admin } }]
users: [{ name: admin, user: { token: t } }]
current-context: admin
`;

/** A node that answers like a healthy kind node, recording what ran where. */
function kindNode(rt: FakeRuntime, version: string, ran: string[]) {
  return async (call: FakeExecCall) => {
    const node = call.container.labels["praxis.node"];
    if (!node) return call.cmd.join(" ") === "sh -c command -v kubectl" ? { exitCode: 1 } : undefined;
    const cmd = call.cmd.join(" ");
    ran.push(`${node.replace("praxis-s1-", "")}: ${cmd.replace(/--kubeconfig=\S+ /, "")}`);
    if (cmd === "cat /proc/1/comm") {
      // What the node image holds: the kubectl that hosts without one get a copy of.
      await rt.copyFiles(call.container.id, [{ path: "/usr/bin/kubectl", content: new Uint8Array([0x7f]), mode: 0o755 }]);
      return { stdout: "systemd\n" };
    }
    if (cmd === "cat /kind/version") return { stdout: `${version}\n` };
    if (cmd.startsWith("sh -c mkdir -p '/kind'")) return { exitCode: 0 };
    if (cmd === "cat /kind/manifests/default-cni.yaml") return { stdout: "kind: DaemonSet\n" };
    if (cmd === "cat /etc/kubernetes/admin.conf") return { stdout: ADMIN_CONF };
    if (cmd.includes("get nodes -o json")) {
      const names = ["praxis-s1-control-plane", "praxis-s1-worker"];
      return { stdout: JSON.stringify({ items: names.map((n) => ({ metadata: { name: n }, status: { conditions: [{ type: "Ready", status: "True" }] } })) }) };
    }
    if (cmd.includes("deployment coredns")) return { stdout: "2" };
    return { exitCode: 0 };
  };
}

function setup(version = "v1.34.4") {
  const rt = new FakeRuntime({ images: ["praxis/workstation", NODE_IMAGE, "praxis/hello-web"] });
  const ran: string[] = [];
  rt.onExec(kindNode(rt, version, ran));
  const spec = resolveSpec({
    labId: "k",
    hosts: [{ name: "workstation", image: "praxis/workstation" }],
    cluster: { nodes: 2, kubernetesVersion: "v1.34.4", image: NODE_IMAGE, loadImages: ["praxis/hello-web"] },
  });
  const ctx = newContext({ runtime: rt, spec, session: { sessionId: "s1", labId: "k", runnerId: "r" } });
  return { rt, ran, ctx };
}

describe("cluster provisioning (fake runtime)", () => {
  it("runs kind's sequence and connects the hosts", async () => {
    const { rt, ran, ctx } = setup();
    const steps: string[] = [];
    await provision(ctx, { onEvent: (e) => e.status === "done" && steps.push(e.step) });
    assert.deepEqual(steps, [
      "ensure-images", "create-network", "start-hosts", "copy-files", "create-cluster-nodes", "kubeadm-init",
      "install-cluster-addons", "join-workers", "load-images", "wait-cluster-ready", "connect-hosts-to-cluster", "run-setup",
    ]);
    const interesting = ran.filter((r) => !/cat \/proc\/1\/comm|get nodes|coredns/.test(r));
    assert.deepEqual(interesting.filter((r) => r.startsWith("control-plane")), [
      "control-plane: cat /kind/version",
      "control-plane: sh -c mkdir -p '/kind' && cat > '/kind/kubeadm.conf'",
      "control-plane: kubeadm init --config=/kind/kubeadm.conf --skip-token-print --v=2",
      "control-plane: cat /kind/manifests/default-cni.yaml",
      "control-plane: kubectl create -f -",
      "control-plane: kubectl apply -f /kind/manifests/default-storage.yaml",
      "control-plane: ctr --namespace=k8s.io images import --digests --snapshotter=overlayfs -",
      "control-plane: cat /etc/kubernetes/admin.conf",
    ]);
    assert.deepEqual(interesting.filter((r) => r.startsWith("worker")), [
      "worker: sh -c mkdir -p '/kind' && cat > '/kind/kubeadm.conf'",
      "worker: kubeadm join --config=/kind/kubeadm.conf --v=2",
      "worker: ctr --namespace=k8s.io images import --digests --snapshotter=overlayfs -",
    ]);

    const cp = await rt.inspectContainer("praxis-s1-control-plane");
    assert.equal(cp?.labels["io.x-k8s.kind.cluster"], "praxis-s1");
    assert.equal(cp?.labels["io.x-k8s.kind.role"], "control-plane");
    assert.equal(cp?.hostConfig.privileged, true);
    assert.deepEqual(Object.keys(cp!.networks).sort(), ["praxis-s1", "praxis-s1-cluster"]);
    assert.deepEqual(cp?.ports.map((p) => [p.containerPort, p.hostIp]), [[6443, "127.0.0.1"]]);
    const worker = await rt.inspectContainer("praxis-s1-worker");
    assert.deepEqual(worker?.ports, [], "only the control plane publishes the API server");

    const ws = ctx.containers.get("workstation")!;
    const kubeconfig = new TextDecoder().decode(rt.filesOf(ws).get("/root/.kube/config")!.content);
    assert.match(kubeconfig, /server: https:\/\/praxis-s1-control-plane:6443/);
    assert.match(kubeconfig, /current-context: kind-praxis-s1/);
    assert.equal(rt.filesOf(ws).get("/root/.kube/config")?.mode, 0o600);
    assert.equal(rt.filesOf(ws).get("/usr/local/bin/kubectl")?.mode, 0o755, "kubectl copied from the control plane");
  });

  it("rolls everything back when the image holds another Kubernetes version", async () => {
    const { rt, ctx } = setup("v1.33.1");
    await assert.rejects(provision(ctx), (err: unknown) => {
      assert.ok(err instanceof ProvisionError);
      assert.equal(err.step, "kubeadm-init");
      assert.match(err.message, /holds Kubernetes v1\.33\.1, but the lab asks for v1\.34\.4/);
      return true;
    });
    assert.deepEqual(await rt.listContainers({}), []);
    assert.deepEqual(await rt.listNetworks({}), []);
  });

  it("names a missing node image and how to build it", async () => {
    const rt = new FakeRuntime({ images: ["praxis/workstation"] });
    const spec = resolveSpec({ labId: "k", hosts: [{ name: "w", image: "praxis/workstation" }], cluster: { kubernetesVersion: "v1.34.4", image: NODE_IMAGE } });
    await assert.rejects(provision(newContext({ runtime: rt, spec, session: { sessionId: "s2", labId: "k", runnerId: "r" } })), /praxis\/kind-node:v1\.34\.4 is not on this machine; build it with `npx praxis images build kind-node`/);
  });
});
