/**
 * clientNodeReader against a real cluster: the shared reader contract, then whole kubernetes checks that
 * must wait for the cluster (an object created while the check polls, a controller filling in status).
 * The same contract runs against the in-memory reader, so the fake that unit tests use stays honest.
 * The cluster is a one-node cluster from praxis/kind-node made for this file and removed after it (or the
 * one PRAXIS_TEST_KUBECONFIG points at, see runner/cluster/testing/disposable-cluster.ts). It creates its
 * objects in namespaces of its own (praxis-reader-contract-<random>…) and deletes them. No image is pulled.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from "@kubernetes/client-node";
import type { KubernetesAssertion } from "../../format/types";
import { clientNodeReader } from "./client-node-reader";
import { fixtureObjects, readerContract } from "./reader.contract";
import { runKubernetesCheck } from "./run";
import { disposableCluster } from "../../../runner/cluster/testing/disposable-cluster";

const cluster = await disposableCluster("reader");
after(() => cluster.dispose());
const kubeconfig = cluster.kubeconfig;
const namespace = `praxis-reader-contract-${Math.random().toString(36).slice(2, 8)}`;

function adminApi(): KubernetesObjectApi {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  return KubernetesObjectApi.makeApiClient(kc);
}

readerContract("clientNodeReader on a real cluster", namespace, async () => {
  const api = adminApi();
  for (const object of fixtureObjects(namespace)) await api.create(object as KubernetesObject);
  return {
    reader: clientNodeReader(kubeconfig),
    teardown: async () => {
      await api.delete({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
    },
  };
});

describe("kubernetes checks on a real cluster", () => {
  const api = adminApi();
  const reader = clientNodeReader(kubeconfig);
  const ns = `${namespace}-checks`;

  before(async () => {
    await api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  });
  after(async () => {
    await api.delete({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  });

  it("passes once an object the check waits for is created", async () => {
    const assertion: KubernetesAssertion = {
      form: "match",
      object: { apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "late" },
      manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "late" }, data: { ready: "yes" } },
    };
    setTimeout(() => void api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "late", namespace: ns }, data: { ready: "yes" } } as KubernetesObject), 1500);
    const result = await runKubernetesCheck(reader, { assertion, timeoutMs: 20_000, intervalMs: 500 });
    assert.equal(result.passed, true, result.message);
    assert.ok(result.attempts > 1);
  });

  it("waits for a controller to fill in status, and reads fields the client's models do not type", async () => {
    await api.create({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "idle", namespace: ns, labels: { app: "idle" } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "idle" } },
        template: { metadata: { labels: { app: "idle" } }, spec: { containers: [{ name: "main", image: "registry.invalid/none:1", resources: { limits: { memory: "1024Mi", cpu: "0.5" } } }] } },
      },
    } as KubernetesObject);
    const object = { apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: "idle" };
    const waited = await runKubernetesCheck(reader, { assertion: { form: "expr", object, expressions: ["status.observedGeneration >= 1", 'metadata.creationTimestamp != ""'] }, timeoutMs: 30_000, intervalMs: 500 });
    assert.equal(waited.passed, true, waited.message);
    const canonical: KubernetesAssertion = {
      form: "match",
      object,
      manifest: { apiVersion: "apps/v1", kind: "Deployment", spec: { template: { spec: { containers: [{ name: "main", resources: { limits: { memory: "1Gi", cpu: "500m" } } }] } } } },
    };
    const matched = await runKubernetesCheck(reader, { assertion: canonical, timeoutMs: 5000, intervalMs: 500 });
    assert.equal(matched.passed, true, matched.message);
    const wrong = await runKubernetesCheck(reader, { assertion: { form: "expr", object, expressions: ["spec.replicas == 2"] }, timeoutMs: 1000, intervalMs: 500 });
    assert.equal(wrong.message, `Deployment ${ns}/idle: expected spec.replicas == 2, but spec.replicas is 0`);
  });

  it("reports a kind the cluster does not serve", async () => {
    const result = await runKubernetesCheck(
      reader,
      { assertion: { form: "select", query: { apiVersion: "example.com/v1", kind: "Widget", namespace: ns }, count: { min: 1 } }, timeoutMs: 1000, intervalMs: 500 },
    );
    assert.equal(result.message, `Widgets in namespace ${ns}: the cluster has no kind Widget in apiVersion example.com/v1 (a typo, or is its CRD not installed?)`);
  });
});
