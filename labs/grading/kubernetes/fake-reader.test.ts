/** The in-memory reader passes the shared contract, and its test hooks (mid-poll changes, failures, hangs) work. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeClusterReader } from "./fake-reader";
import { readerContract, fixtureObjects } from "./reader.contract";
import { ClusterReadError } from "./reader";

readerContract("FakeClusterReader", "contract", async () => {
  const reader = new FakeClusterReader(fixtureObjects("contract"));
  // Like a real cluster: another namespace, and the CA ConfigMap Kubernetes puts in every namespace.
  reader.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "beta", namespace: "elsewhere", labels: { app: "web" } } });
  reader.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: "contract" } });
  return { reader, teardown: async () => {} };
});

describe("FakeClusterReader", () => {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "web" } };

  it("puts namespaced objects without a namespace in default, and returns copies", async () => {
    const reader = new FakeClusterReader([pod]);
    const found = await reader.get({ apiVersion: "v1", kind: "Pod", name: "web" });
    assert.equal((found?.metadata as { namespace?: string }).namespace, "default");
    (found!.metadata as { name: string }).name = "changed";
    assert.ok(await reader.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "web" }));
  });

  it("lets a test change the cluster between calls and counts them", async () => {
    const reader = new FakeClusterReader();
    reader.defineKind("v1", "Pod");
    reader.beforeCall = ({ number }) => number === 2 && reader.apply(pod);
    assert.equal(await reader.get({ apiVersion: "v1", kind: "Pod", name: "web" }), null);
    assert.ok(await reader.get({ apiVersion: "v1", kind: "Pod", name: "web" }));
    reader.delete({ apiVersion: "v1", kind: "Pod", name: "web" });
    assert.equal(await reader.get({ apiVersion: "v1", kind: "Pod", name: "web" }), null);
    assert.equal(reader.calls, 3);
  });

  it("fails every call with an injected error", async () => {
    const reader = new FakeClusterReader([pod]);
    reader.failure = new ClusterReadError("unreachable", "down");
    await assert.rejects(reader.list({ apiVersion: "v1", kind: "Pod" }), /down/);
  });

  it("hangs until the signal aborts", async () => {
    const reader = new FakeClusterReader([pod]);
    reader.hang = true;
    const controller = new AbortController();
    const pending = reader.get({ apiVersion: "v1", kind: "Pod", name: "web" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (e: unknown) => e instanceof ClusterReadError && e.reason === "cancelled");
  });
});
