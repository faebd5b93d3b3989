import assert from "node:assert/strict";
import { test } from "node:test";
import { KubeadmImageMismatch, parseImageList, verifyKubeadmImages } from "./build-kind-node";
import { kindNodeCacheBase } from "./cli-builder";
import { FakeCommandRunner } from "./fake-command-runner";
import { imageRefs, kubeadmImages, KIND_NODE_VERSIONS } from "./versions";

const expected = kubeadmImages(imageRefs(KIND_NODE_VERSIONS));

test("parseImageList keeps image references and drops log noise", () => {
  const out = ["I1126 04:00:00 version.go:261] remote version is much newer", ...expected, "", "W1126 warning: something"].join("\n");
  assert.deepEqual(parseImageList(out), expected);
});

test("verifyKubeadmImages accepts kubeadm's list in any order and runs the cached kubeadm", async () => {
  const runner = new FakeCommandRunner().prints("config images list", [...expected].reverse().join("\n"));
  await verifyKubeadmImages(runner, "/cache/v1.34.4", KIND_NODE_VERSIONS);
  assert.equal(runner.calls[0]!.cmd, "/cache/v1.34.4/bin/kubeadm");
  assert.deepEqual(runner.calls[0]!.args, ["config", "images", "list", "--kubernetes-version", "v1.34.4"]);
});

test("verifyKubeadmImages names both lists when kubeadm wants another etcd", async () => {
  const wants = expected.map((r) => r.replace("etcd:3.6.5-0", "etcd:3.6.10-0"));
  const runner = new FakeCommandRunner().prints("config images list", wants.join("\n"));
  await assert.rejects(
    verifyKubeadmImages(runner, "/cache/v1.34.4", KIND_NODE_VERSIONS),
    (err: unknown) => err instanceof KubeadmImageMismatch && err.message.includes("etcd:3.6.10-0") && err.message.includes("etcd:3.6.5-0"),
  );
});

test("the cache lives under XDG_CACHE_HOME or ~/.cache, never in the repo", () => {
  assert.equal(kindNodeCacheBase({ XDG_CACHE_HOME: "/x/cache", HOME: "/home/u" }), "/x/cache/praxis/kind-node");
  assert.equal(kindNodeCacheBase({ HOME: "/home/u" }), "/home/u/.cache/praxis/kind-node");
});
