/**
 * buildImages against the real Docker engine: a FROM-scratch image is built and labelled, an image that
 * preloads it gets a real docker-archive (saved through DockerImageEngine) in its context, and a second
 * run rebuilds nothing. Needs dockerd; uses throwaway praxis-test/* tags and removes them.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { LABEL } from "../docker/labels";
import { buildImages } from "./build-images";
import { DockerImageEngine } from "./image-engine";
import type { ImageRecipe } from "./image-plan";

const run = promisify(execFile);
const INNER = "praxis-test/kind-inner:t1";
const OUTER = "praxis-test/kind-outer:t1";

test("builds, labels, saves for preloading, and skips unchanged images on a real engine", { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "praxis-kind-images-"));
  t.after(async () => {
    await run("docker", ["rmi", "-f", OUTER, INNER]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  await mkdir(join(dir, "cache", "bin"), { recursive: true });
  await writeFile(join(dir, "cache", "bin", "hello"), "hello from the artifact cache\n");
  const plan: ImageRecipe[] = [
    { name: "inner", ref: INNER, inputs: [{ from: "text", content: "FROM scratch\nCOPY hello /hello\n", to: "Dockerfile" }, { from: "artifact", path: "bin/hello", to: "hello" }], after: [] },
    { name: "outer", ref: OUTER, inputs: [{ from: "text", content: "FROM scratch\nCOPY images.tar /images.tar\n", to: "Dockerfile" }], after: ["inner"], archiveOf: [INNER] },
  ];
  const sources = { imageDir: join(dir, "repo"), cacheRoot: join(dir, "cache"), artifacts: {} };
  const engine = new DockerImageEngine(new DockerodeRuntime());

  const first = await buildImages({ plan, sources, engine });
  assert.deepEqual(first.map((o) => o.built), [true, true]);
  assert.equal((await engine.inspectImage(INNER))?.labels[LABEL.contextHash], first[0]!.hash);
  await engine.saveImages([INNER], join(dir, "saved.tar"));
  const archive = await readFile(join(dir, "saved.tar"));
  assert.ok(archive.includes(Buffer.from("manifest.json")), "the saved archive is a docker-archive");
  assert.ok(archive.includes(Buffer.from(INNER)), "the archive carries the inner image's tag");
  const { stdout: size } = await run("docker", ["image", "inspect", "-f", "{{.Size}}", OUTER]);
  assert.ok(Number(size) > archive.length / 2, "the outer image carries the archive it was built with");
  await assert.rejects(readFile(join(dir, "cache", "contexts", "outer", "images.tar")), "the archive is not kept in the cache");

  const second = await buildImages({ plan, sources, engine });
  assert.deepEqual(second.map((o) => o.built), [false, false]);

  await writeFile(join(dir, "cache", "bin", "hello"), "changed\n");
  const third = await buildImages({ plan, sources, engine });
  assert.deepEqual(third.map((o) => o.built), [true, true], "a changed input rebuilds the image and the one preloading it");
});
