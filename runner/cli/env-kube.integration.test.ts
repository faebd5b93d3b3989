/**
 * The command-line life of a Kubernetes lab, as a course author runs it (needs dockerd and
 * praxis/kind-node): `praxis env up first-deployment` gives a workstation whose kubectl sees Ready nodes;
 * `env check` fails with the assertion's precise message, then passes once the step is done; `env
 * kubeconfig` reaches the API server from this machine; `env down` leaves no container, network or volume.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import Docker from "dockerode";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { LABEL } from "../docker/labels";
import { runPraxis } from "./testing/run-praxis";

const praxis = (...args: string[]) => runPraxis(args, { timeoutMs: 300_000 });

describe("praxis env on a Kubernetes lab (integration)", { timeout: 600_000 }, () => {
  const runtime = new DockerodeRuntime();
  let id = "";
  before(async () => {
    const up = await praxis("env", "up", "first-deployment", "--json", "--ttl", "15");
    assert.equal(up.code, 0, up.stderr);
    id = (JSON.parse(up.stdout) as { id: string }).id;
  });
  after(async () => {
    if (id) await praxis("env", "down", id);
  });

  it("gives a workstation whose kubectl sees Ready nodes", async () => {
    const nodes = await praxis("env", "exec", id, "--", "kubectl", "get", "nodes", "--no-headers");
    assert.equal(nodes.code, 0, nodes.stderr);
    assert.match(nodes.stdout, /^praxis-\S+-control-plane\s+Ready\s/m);
  });

  it("fails a check with the assertion's message, and passes it once the step is done", async () => {
    const before = await praxis("env", "check", id, "--step", "namespace", "--json");
    assert.equal(before.code, 1);
    const failed = JSON.parse(before.stdout) as { passed: boolean; checks: { check: string; passed: boolean; message: string }[] };
    assert.deepEqual(failed.checks.map((c) => [c.check, c.passed, c.message]), [["The namespace shop exists", false, "Namespace shop not found"]]);
    assert.equal((await praxis("env", "exec", id, "--", "kubectl", "create", "namespace", "shop")).code, 0);
    const after = await praxis("env", "check", id, "--step", "namespace");
    assert.equal(after.code, 0, after.stdout + after.stderr);
    assert.match(after.stdout, /^✓ namespace · The namespace shop exists/m);
  });

  it("prints a kubeconfig that reaches the API server from this machine", async () => {
    const printed = await praxis("env", "kubeconfig", id);
    assert.equal(printed.code, 0, printed.stderr);
    const kc = new KubeConfig();
    kc.loadFromString(printed.stdout);
    const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
    assert.ok(namespaces.items.some((n) => n.metadata?.name === "shop"));
  });

  it("env down leaves nothing of the environment behind", async () => {
    const filter = { [LABEL.session]: id };
    const containers = await Promise.all((await runtime.listContainers(filter)).map((c) => runtime.inspectContainer(c.id)));
    const volumes = containers.flatMap((c) => c?.mounts.filter((m) => m.type === "volume").map((m) => m.source) ?? []);
    assert.ok(volumes.length > 0, "the node's /var is a volume, so there is something to clean up");
    const down = await praxis("env", "down", id);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await runtime.listContainers(filter), []);
    assert.deepEqual(await runtime.listNetworks(filter), []);
    for (const v of volumes) await assert.rejects(new Docker().getVolume(v).inspect(), /no such volume/i, `volume ${v} left behind`);
    id = "";
  });
});
