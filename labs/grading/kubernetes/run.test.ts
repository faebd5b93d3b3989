/**
 * runKubernetesCheck on the in-memory cluster: the message of each form, polling until state converges,
 * reporting the last failure on timeout, and never hanging (per-call deadlines, cancellation).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubernetesAssertion } from "../../format/types";
import { FakeClusterReader } from "./fake-reader";
import { ClusterReadError, type ClusterReader, type KubeObject } from "./reader";
import { KUBERNETES_MESSAGE_CAP, runKubernetesCheck } from "./run";

const deployment = (image: string, readyReplicas: number): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels: { app: "web" } },
  spec: { replicas: 3, template: { spec: { containers: [{ name: "sidecar", image: "busybox" }, { name: "web", image }] } } },
  status: { readyReplicas },
});

const pod = (name: string, phase: string, labels: Record<string, string> = { app: "web" }): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels },
  status: { phase },
});

const wantWeb: KubernetesAssertion = {
  form: "match",
  object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" },
  manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } } },
};

const select = (rest: Partial<Extract<KubernetesAssertion, { form: "select" }>>): KubernetesAssertion => ({
  form: "select",
  query: { apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=web" },
  ...rest,
});

async function grade(reader: ClusterReader, assertion: KubernetesAssertion, timeoutMs = 300, intervalMs = 20, requestTimeoutMs?: number) {
  return runKubernetesCheck(reader, { assertion, timeoutMs, intervalMs }, requestTimeoutMs === undefined ? {} : { requestTimeoutMs });
}

describe("runKubernetesCheck: match", () => {
  it("passes with an empty message when the object contains the manifest", async () => {
    const result = await grade(new FakeClusterReader([deployment("nginx:1.27", 3)]), wantWeb);
    assert.deepEqual([result.passed, result.message, result.attempts], [true, "", 1]);
  });

  it("names the object, the field, and both values", async () => {
    const result = await grade(new FakeClusterReader([deployment("nginx:1.25", 3)]), wantWeb, 50);
    assert.equal(result.passed, false);
    assert.equal(result.message, 'Deployment default/web: spec.template.spec.containers[name=web].image: expected "nginx:1.27", got "nginx:1.25"');
  });

  it("says when the object does not exist", async () => {
    const reader = new FakeClusterReader();
    reader.defineKind("v1", "Pod");
    const assertion: KubernetesAssertion = { form: "match", object: { apiVersion: "v1", kind: "Pod", namespace: "default", name: "web-xyz" }, manifest: { apiVersion: "v1", kind: "Pod" } };
    assert.equal((await grade(reader, assertion, 50)).message, "Pod default/web-xyz not found");
  });
});

describe("runKubernetesCheck: polling", () => {
  it("keeps trying until the state converges", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.25", 1)]);
    reader.beforeCall = ({ number }) => number === 3 && reader.apply(deployment("nginx:1.27", 3));
    const result = await grade(reader, wantWeb, 2000, 10);
    assert.equal(result.passed, true);
    assert.equal(result.attempts, 3);
  });

  it("reports the last failure when the timeout passes", async () => {
    const reader = new FakeClusterReader();
    reader.defineKind("apps/v1", "Deployment");
    reader.beforeCall = ({ number }) => number === 2 && reader.apply(deployment("nginx:1.25", 1));
    const started = Date.now();
    const result = await grade(reader, wantWeb, 200, 20);
    assert.equal(result.passed, false);
    assert.match(result.message, /^Deployment default\/web: .*expected "nginx:1\.27", got "nginx:1\.25"$/);
    assert.ok(result.attempts >= 3, `attempts ${result.attempts}`);
    assert.ok(result.durationMs >= 190 && Date.now() - started < 1500, `took ${result.durationMs}ms`);
  });

  it("keeps polling through cluster errors and reports the error if it never recovers", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.27", 3)]);
    reader.failure = new ClusterReadError("unreachable", "Deployment default/web: the cluster's API server is not reachable (ECONNREFUSED)");
    const result = await grade(reader, wantWeb, 100, 10);
    assert.equal(result.message, "Deployment default/web: the cluster's API server is not reachable (ECONNREFUSED)");
    assert.ok(result.attempts > 1);
  });

  it("stops at once on a request that can never succeed", async () => {
    const reader = new FakeClusterReader([pod("a", "Running")]);
    const result = await grade(reader, select({ query: { apiVersion: "v1", kind: "Pod", labelSelector: "app in (" }, count: { min: 1 } }), 5000);
    assert.equal(result.attempts, 1);
    assert.match(result.message, /^Pods with labels app in \(: the API server rejected the request: invalid selector/);
  });

  it("bounds each call by a deadline, even when the reader ignores its signal", async () => {
    const stuck: ClusterReader = { get: () => new Promise(() => {}), list: () => new Promise(() => {}) };
    const started = Date.now();
    const result = await grade(stuck, wantWeb, 300, 20, 100);
    assert.equal(result.passed, false);
    assert.equal(result.message, "Deployment default/web: the cluster's API server did not answer within 100ms");
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started}ms`);
  });

  it("never runs past its timeout when a call would take longer", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.27", 3)]);
    reader.hang = true;
    const started = Date.now();
    const result = await grade(reader, wantWeb, 150, 20, 10_000);
    assert.equal(result.attempts, 1);
    assert.match(result.message, /did not answer within 1\d\dms$/);
    assert.ok(Date.now() - started < 1000);
  });

  it("stops when cancelled", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.25", 3)]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const result = await runKubernetesCheck(reader, { assertion: wantWeb, timeoutMs: 10_000, intervalMs: 10 }, { signal: controller.signal });
    assert.deepEqual([result.passed, result.message], [false, "the check was cancelled"]);
    assert.ok(Date.now() - started < 2000);
  });

  it("fails without reading the cluster when an expression does not parse", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.27", 3)]);
    const result = await grade(reader, { form: "expr", object: wantWeb.form === "match" ? wantWeb.object : never(), expressions: ["status.readyReplicas >="] });
    assert.deepEqual([result.passed, result.attempts, reader.calls], [false, 0, 0]);
    assert.match(result.message, /^the check's expression is invalid: unexpected the end of the expression/);
  });

  it("caps the message length", async () => {
    const reader = new FakeClusterReader();
    reader.defineKind("v1", "Pod");
    const assertion: KubernetesAssertion = { form: "match", object: { apiVersion: "v1", kind: "Pod", name: "x".repeat(3000) }, manifest: { apiVersion: "v1", kind: "Pod" } };
    const { message } = await grade(reader, assertion, 20);
    assert.equal(message.length, KUBERNETES_MESSAGE_CAP);
    assert.ok(message.endsWith("…"));
  });
});

describe("runKubernetesCheck: absent", () => {
  const debugPod: KubernetesAssertion = { form: "absent", query: { apiVersion: "v1", kind: "Pod", namespace: "default", name: "debug" }, manifest: { apiVersion: "v1", kind: "Pod", metadata: { name: "debug", namespace: "default" } } };

  it("passes when the named object is gone, fails while it exists", async () => {
    const reader = new FakeClusterReader([pod("debug", "Running")]);
    assert.equal((await grade(reader, debugPod, 30)).message, "Pod default/debug exists, but it should not");
    reader.delete({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "debug" });
    assert.equal((await grade(reader, debugPod)).passed, true);
  });

  it("with fields, fails only while the object has them", async () => {
    const reader = new FakeClusterReader([deployment("nginx:latest", 3)]);
    const noLatest: KubernetesAssertion = {
      form: "absent",
      query: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" },
      manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { template: { spec: { containers: [{ image: "nginx:latest" }] } } } },
    };
    assert.equal((await grade(reader, noLatest, 30)).message, 'Deployment default/web should not have spec.template.spec.containers: [{image: "nginx:latest"}], but it does');
    reader.apply(deployment("nginx:1.27", 3));
    assert.equal((await grade(reader, noLatest)).passed, true);
  });

  it("without a name, no object of the kind may match (labels select)", async () => {
    const reader = new FakeClusterReader([pod("web-1", "Running"), pod("debug-1", "Running", { app: "debug" }), pod("debug-2", "Failed", { app: "debug" })]);
    const noDebug: KubernetesAssertion = { form: "absent", query: { apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=debug" }, manifest: { apiVersion: "v1", kind: "Pod", metadata: { labels: { app: "debug" } } } };
    assert.equal((await grade(reader, noDebug, 30)).message, "Pod default/debug-1 should not exist (and 1 more); expected no Pods in namespace default with labels app=debug");
  });
});

describe("runKubernetesCheck: select", () => {
  const reader = () => new FakeClusterReader([pod("web-1", "Running"), pod("web-2", "Pending"), pod("web-3", "Running"), pod("db-1", "Running", { app: "db" })]);
  const running = { partial: { status: { phase: "Running" } } };

  it("counts selected objects, optionally only those matching a condition", async () => {
    assert.equal((await grade(reader(), select({ count: { min: 3 } }))).passed, true);
    assert.equal((await grade(reader(), select({ count: { min: 3, matching: running } }), 30)).message,
      'Pods in namespace default with labels app=web: expected at least 3 that match, 2 do (3 selected); Pod default/web-2: status.phase: expected "Running", got "Pending"');
    assert.equal((await grade(reader(), select({ count: { min: 2, max: 2, matching: { expr: 'status.phase == "Running"' } } }))).passed, true);
    assert.equal((await grade(reader(), select({ count: { max: 0, matching: running } }), 30)).message,
      "Pods in namespace default with labels app=web: expected at most 0 that match, 2 do (3 selected): Pod default/web-1, Pod default/web-3");
    assert.equal((await grade(reader(), select({ count: { min: 4, max: 4 } }), 30)).message, "Pods in namespace default with labels app=web: expected exactly 4, found 3");
  });

  it("every: all selected objects match, and there is at least one", async () => {
    assert.equal((await grade(reader(), select({ every: running }), 30)).message,
      'Pods in namespace default with labels app=web: 1 of 3 Pods does not match; Pod default/web-2: status.phase: expected "Running", got "Pending"');
    const none = select({ query: { apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=nothing" }, every: running });
    assert.equal((await grade(reader(), none, 30)).message, "Pods in namespace default with labels app=nothing: none found; expected at least one");
    assert.equal((await grade(reader(), select({ every: { expr: 'startsWith(metadata.name, "web-")' } }))).passed, true);
  });

  it("any: at least one matches, else the closest is shown", async () => {
    assert.equal((await grade(reader(), select({ any: { partial: { status: { phase: "Pending" } } } }))).passed, true);
    assert.equal((await grade(reader(), select({ any: { partial: { status: { phase: "Succeeded" } } } }), 30)).message,
      'Pods in namespace default with labels app=web: none of 3 Pods match; closest is Pod default/web-1: status.phase: expected "Succeeded", got "Running"');
  });

  it("checks count, then every, then any, and reports the first that fails", async () => {
    const result = await grade(reader(), select({ count: { min: 1 }, every: running, any: running }), 30);
    assert.match(result.message, /1 of 3 Pods does not match/);
  });
});

describe("runKubernetesCheck: expr", () => {
  const object = { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" };

  it("passes when every expression is true and explains the first false one", async () => {
    const reader = new FakeClusterReader([deployment("nginx:1.27", 1)]);
    assert.equal((await grade(reader, { form: "expr", object, expressions: ["len(spec.template.spec.containers) == 2", "spec.replicas == 3"] })).passed, true);
    const result = await grade(reader, { form: "expr", object, expressions: ["spec.replicas == 3", "status.readyReplicas >= 2"] }, 30);
    assert.equal(result.message, "Deployment default/web: expected status.readyReplicas >= 2, but status.readyReplicas is 1");
  });

  it("says when the object does not exist", async () => {
    const reader = new FakeClusterReader();
    reader.defineKind("apps/v1", "Deployment");
    assert.equal((await grade(reader, { form: "expr", object, expressions: ["true"] }, 30)).message, "Deployment default/web not found");
  });
});

function never(): never {
  throw new Error("unreachable");
}
