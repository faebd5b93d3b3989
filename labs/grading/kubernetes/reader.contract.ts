/**
 * The behaviour every ClusterReader must have, as one test suite run against the in-memory fake (unit tests)
 * and against a real kind cluster (client-node-reader.integration.test.ts), so the fake cannot drift from the
 * API server. The harness creates the fixture objects below before the suite and removes them after.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ClusterReadError, type ClusterReader, type KubeObject } from "./reader";

export interface ReaderHarness {
  reader: ClusterReader;
  /** Removes what fixtureObjects created. */
  teardown(): Promise<void>;
}

/** A namespace with three labelled ConfigMaps; harnesses create these (the namespace first). */
export function fixtureObjects(namespace: string): KubeObject[] {
  const configMap = (name: string, labels: Record<string, string>, data: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, namespace, labels },
    data,
  });
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } },
    configMap("alpha", { app: "web", tier: "front" }, { colour: "blue" }),
    configMap("beta", { app: "web", tier: "back" }, { colour: "green" }),
    configMap("gamma", { app: "db" }, { colour: "red" }),
  ];
}

const names = (objects: KubeObject[]) => objects.map((o) => (o.metadata as { name: string }).name).sort();

async function rejectsWith(promise: Promise<unknown>, reason: ClusterReadError["reason"], pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ClusterReadError, `expected a ClusterReadError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.match(error.message, pattern);
    return true;
  });
}

export function readerContract(name: string, namespace: string, setup: () => Promise<ReaderHarness>): void {
  describe(`ClusterReader contract: ${name}`, () => {
    let harness: ReaderHarness;
    before(async () => {
      harness = await setup();
    });
    after(async () => harness?.teardown());
    const reader = () => harness.reader;

    it("gets an object as plain JSON, with apiVersion, kind and metadata", async () => {
      const found = await reader().get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "alpha" });
      assert.ok(found);
      assert.equal(found.apiVersion, "v1");
      assert.equal(found.kind, "ConfigMap");
      assert.deepEqual((found.metadata as { labels: unknown }).labels, { app: "web", tier: "front" });
      assert.equal((found.metadata as { namespace: string }).namespace, namespace);
      assert.deepEqual(found.data, { colour: "blue" });
    });

    it("answers null for an object that does not exist", async () => {
      assert.equal(await reader().get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "nope" }), null);
    });

    it("gets a cluster-scoped object without a namespace", async () => {
      const found = await reader().get({ apiVersion: "v1", kind: "Namespace", name: namespace });
      assert.equal((found?.metadata as { name?: string } | undefined)?.name, namespace);
    });

    it("lists by label selector, equality and set-based", async () => {
      const list = (labelSelector: string) => reader().list({ apiVersion: "v1", kind: "ConfigMap", namespace, labelSelector });
      assert.deepEqual(names(await list("app=web")), ["alpha", "beta"]);
      assert.deepEqual(names(await list("tier in (front, middle)")), ["alpha"]);
      assert.deepEqual(names(await list("app,app!=web")), ["gamma"]);
    });

    it("lists by field selector", async () => {
      const found = await reader().list({ apiVersion: "v1", kind: "ConfigMap", namespace, fieldSelector: "metadata.name=beta" });
      assert.deepEqual(names(found), ["beta"]);
    });

    it("puts apiVersion and kind on every listed item", async () => {
      const found = await reader().list({ apiVersion: "v1", kind: "ConfigMap", namespace, labelSelector: "app=db" });
      assert.deepEqual(found.map((o) => [o.apiVersion, o.kind]), [["v1", "ConfigMap"]]);
    });

    it("lists across namespaces when none is given", async () => {
      const found = await reader().list({ apiVersion: "v1", kind: "ConfigMap", labelSelector: "app=web,tier=back" });
      assert.deepEqual(names(found), ["beta"]);
    });

    it("fails with unknown-kind for a kind the cluster does not serve", async () => {
      await rejectsWith(reader().get({ apiVersion: "example.com/v1", kind: "Widget", namespace, name: "w" }), "unknown-kind", /Widget .*example\.com\/v1.*CRD/);
      await rejectsWith(reader().list({ apiVersion: "apps/v1", kind: "Deploymnet", namespace }), "unknown-kind", /^Deploymnets in namespace .*: the cluster has no kind Deploymnet in apiVersion apps\/v1/);
    });

    it("fails with invalid-request for a malformed selector", async () => {
      await rejectsWith(reader().list({ apiVersion: "v1", kind: "ConfigMap", namespace, labelSelector: "app in (web" }), "invalid-request", /ConfigMaps .*rejected the request/);
    });

    it("fails with cancelled when the signal is already aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      await rejectsWith(reader().get({ apiVersion: "v1", kind: "ConfigMap", namespace, name: "alpha" }, { signal: controller.signal }), "cancelled", /cancelled/);
    });
  });
}
