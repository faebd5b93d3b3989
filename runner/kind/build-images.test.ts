import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LABEL } from "../docker/labels";
import type { ArtifactManifest } from "./artifact-cache";
import { buildImages, ImagePlanError, KIND_NODE_IMAGE_LABEL } from "./build-images";
import { FakeImageEngine } from "./fake-image-engine";
import type { ImageRecipe } from "./image-plan";

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "praxis-images-"));
  const imageDir = join(dir, "repo");
  const cacheRoot = join(dir, "cache");
  await mkdir(join(imageDir, "base/files/etc"), { recursive: true });
  await writeFile(join(imageDir, "base/Dockerfile"), "FROM debian:bookworm-slim\n");
  await writeFile(join(imageDir, "base/files/etc/crictl.yaml"), "runtime-endpoint: x\n");
  await mkdir(join(cacheRoot, "bin"), { recursive: true });
  await writeFile(join(cacheRoot, "bin/etcd"), "etcd binary");
  await writeFile(join(cacheRoot, "bin/containerd"), "containerd binary");
  const artifacts: ArtifactManifest = {
    etcd: { recipeHash: "r1", outputs: { "bin/etcd": { size: 11, sha256: "a".repeat(64) } }, seconds: 1, builtAt: "x" },
    containerd: { recipeHash: "r2", outputs: { "bin/containerd": { size: 17, sha256: "b".repeat(64) } }, seconds: 1, builtAt: "x" },
  };
  const plan: ImageRecipe[] = [
    { name: "etcd", ref: "registry.k8s.io/etcd:3.6.5-0", inputs: [{ from: "text", content: "FROM scratch\n", to: "Dockerfile" }, { from: "artifact", path: "bin/etcd", to: "etcd" }], after: [] },
    {
      name: "base",
      ref: "praxis/kind-node-base:v1",
      inputs: [
        { from: "repo", path: "base/Dockerfile", to: "Dockerfile" },
        { from: "repo", path: "base/files", to: "files" },
        { from: "artifact", path: "bin/containerd", to: "bin/containerd" },
      ],
      after: [],
    },
    { name: "node", ref: "praxis/kind-node:v1", inputs: [{ from: "text", content: "FROM praxis/kind-node-base:v1\n", to: "Dockerfile" }], after: ["base", "etcd"], archiveOf: ["registry.k8s.io/etcd:3.6.5-0"] },
  ];
  return { dir, imageDir, cacheRoot, plan, sources: { imageDir, cacheRoot, artifacts } };
}

test("first build assembles every context; an unchanged rebuild builds nothing", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  const engine = new FakeImageEngine();
  const first = await buildImages({ plan: s.plan, sources: s.sources, engine });
  assert.deepEqual(first.map((o) => o.built), [true, true, true]);
  assert.deepEqual(engine.builds.find((b) => b.tag === "praxis/kind-node-base:v1")!.files, ["Dockerfile", "bin", "bin/containerd", "files", "files/etc", "files/etc/crictl.yaml"]);
  assert.deepEqual(engine.saves, [["registry.k8s.io/etcd:3.6.5-0"]]);
  assert.ok(engine.builds.find((b) => b.tag === "praxis/kind-node:v1")!.files.includes("images.tar"), "the archive was in the node context");
  await assert.rejects(stat(join(s.cacheRoot, "contexts/node/images.tar")), "the archive is removed after the build");
  const labels = engine.images.get("praxis/kind-node:v1")!.labels;
  assert.equal(labels[KIND_NODE_IMAGE_LABEL], "node");
  assert.equal(labels[LABEL.contextHash], first[2]!.hash);

  const second = await buildImages({ plan: s.plan, sources: s.sources, engine });
  assert.deepEqual(second.map((o) => o.built), [false, false, false]);
  assert.equal(engine.builds.length, 3);
});

test("a changed repo file rebuilds that image and everything built on it, nothing else", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  const engine = new FakeImageEngine();
  await buildImages({ plan: s.plan, sources: s.sources, engine });
  await writeFile(join(s.imageDir, "base/files/etc/crictl.yaml"), "runtime-endpoint: y\n");
  const out = await buildImages({ plan: s.plan, sources: s.sources, engine });
  assert.deepEqual(out.map((o) => [o.name, o.built]), [["etcd", false], ["base", true], ["node", true]]);
});

test("a rebuilt artifact (new digest) rebuilds the images that contain it", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  const engine = new FakeImageEngine();
  await buildImages({ plan: s.plan, sources: s.sources, engine });
  s.sources.artifacts.etcd!.outputs["bin/etcd"]!.sha256 = "c".repeat(64);
  const out = await buildImages({ plan: s.plan, sources: s.sources, engine });
  assert.deepEqual(out.map((o) => [o.name, o.built]), [["etcd", true], ["base", false], ["node", true]]);
});

test("plan errors: a missing artifact and a dependency that is not built first", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  const engine = new FakeImageEngine();
  await rm(join(s.cacheRoot, "bin/etcd"));
  await assert.rejects(buildImages({ plan: s.plan, sources: s.sources, engine }), /missing artifact input .*bin\/etcd \(build the artifacts first\)/);
  await assert.rejects(buildImages({ plan: [s.plan[2]!], sources: s.sources, engine }), ImagePlanError);
});
