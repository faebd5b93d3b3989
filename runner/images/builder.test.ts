/** Image builder against the fake runtime: cache by context hash, name validation, ensureImage hook. */
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { availableImages, buildPraxisImage, imageEnsurer } from "./builder";
import { contextHash } from "./context-hash";

async function imagesDir() {
  const dir = await mkdtemp(join(tmpdir(), "praxis-images-"));
  await mkdir(join(dir, "tools"));
  await writeFile(join(dir, "tools", "Dockerfile"), "FROM debian:bookworm-slim\n");
  await mkdir(join(dir, "not-an-image"));
  return dir;
}

describe("image builder", () => {
  it("builds once, then skips until the context changes", async () => {
    const dir = await imagesDir();
    const rt = new FakeRuntime();
    const lines: string[] = [];
    const first = await buildPraxisImage(rt, dir, "tools", { onProgress: (l) => lines.push(l) });
    assert.deepEqual([first.tag, first.built], ["praxis/tools:latest", true]);
    assert.equal((await rt.inspectImage("praxis/tools:latest"))?.labels["praxis.context-hash"], first.hash);
    assert.equal((await buildPraxisImage(rt, dir, "tools")).built, false);
    await writeFile(join(dir, "tools", "motd"), "hello\n");
    const changed = await buildPraxisImage(rt, dir, "tools");
    assert.equal(changed.built, true);
    assert.notEqual(changed.hash, first.hash);
    assert.equal((await buildPraxisImage(rt, dir, "tools", { force: true })).built, true);
    assert.ok(lines.some((l) => l.includes("building praxis/tools:latest")));
  });

  it("hashes content, not location", async () => {
    const [a, b] = [await imagesDir(), await imagesDir()];
    assert.equal(await contextHash(join(a, "tools")), await contextHash(join(b, "tools")));
  });

  it("lists only directories with a Dockerfile and rejects unknown names", async () => {
    const dir = await imagesDir();
    assert.deepEqual(await availableImages(dir), ["tools"]);
    await assert.rejects(buildPraxisImage(new FakeRuntime(), dir, "not-an-image"), /no Dockerfile at/);
    await assert.rejects(buildPraxisImage(new FakeRuntime(), dir, "../etc"), /invalid image name/);
  });

  it("ensureImage builds praxis images and refuses others", async () => {
    const dir = await imagesDir();
    const rt = new FakeRuntime();
    const ensure = imageEnsurer(rt, dir);
    await ensure("praxis/tools:latest", () => {});
    assert.ok(await rt.inspectImage("praxis/tools:latest"));
    await assert.rejects(ensure("nginx:1.27", () => {}), /not a praxis\/<name>:latest image/);
  });
});
