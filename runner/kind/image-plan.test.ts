import assert from "node:assert/strict";
import { test } from "node:test";
import { kindNodeImagePlan, renderNodeDockerfile, scratchDockerfile } from "./image-plan";
import { imageRefs, kubeadmImages, KIND_NODE_VERSIONS } from "./versions";

const plan = kindNodeImagePlan(KIND_NODE_VERSIONS, "FROM @BASE_IMAGE@ AS preload\nFROM @BASE_IMAGE@\n");
const refs = imageRefs(KIND_NODE_VERSIONS);

test("the node image preloads every image kubeadm needs plus the CNI and storage images", () => {
  const node = plan.find((r) => r.name === "node")!;
  const preloaded = new Set(node.archiveOf);
  for (const ref of kubeadmImages(refs)) assert.ok(preloaded.has(ref), `${ref} is preloaded`);
  for (const ref of [refs.network, refs.localPath, refs.localPathHelper]) assert.ok(preloaded.has(ref), `${ref} is preloaded`);
  assert.ok(!preloaded.has(refs.base) && !preloaded.has(refs.node));
  assert.deepEqual(kubeadmImages(refs).filter((r) => r.includes("pause")), ["registry.k8s.io/pause:3.10.1"]);
});

test("the plan is ordered: every dependency comes earlier, the node image last", () => {
  const seen = new Set<string>();
  for (const r of plan) {
    for (const dep of r.after) assert.ok(seen.has(dep), `${r.name} after ${dep}`);
    seen.add(r.name);
  }
  assert.equal(plan.at(-1)!.ref, "praxis/kind-node:v1.34.4");
  assert.ok(plan.at(-1)!.after.includes("base"));
});

test("the node Dockerfile is rendered from the template with the versioned base image", () => {
  const node = plan.find((r) => r.name === "node")!;
  const dockerfile = node.inputs.find((i) => i.to === "Dockerfile");
  assert.ok(dockerfile?.from === "text");
  assert.equal(dockerfile.content, "FROM praxis/kind-node-base:v1.34.4 AS preload\nFROM praxis/kind-node-base:v1.34.4\n");
  const version = node.inputs.find((i) => i.to === "kind/version");
  assert.ok(version?.from === "text" && version.content === "v1.34.4\n");
  assert.throws(() => renderNodeDockerfile("FROM debian\n", "x"), /no @BASE_IMAGE@ placeholder/);
});

test("scratch images put the binary on PATH and run it as entrypoint", () => {
  const text = scratchDockerfile({ binary: "pause", dest: "/pause", user: "65535:65535" });
  assert.match(text, /^FROM scratch$/m);
  assert.match(text, /^COPY pause \/pause$/m);
  assert.match(text, /^USER 65535:65535$/m);
  assert.match(text, /^ENTRYPOINT \["\/pause"\]$/m);
  const etcd = plan.find((r) => r.name === "etcd")!;
  assert.equal(etcd.ref, "registry.k8s.io/etcd:3.6.5-0");
  assert.ok(etcd.inputs.some((i) => i.from === "artifact" && i.path === "bin/etcd"));
});
