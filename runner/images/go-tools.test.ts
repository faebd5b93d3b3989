/** Go tools for lab images: the go-tools.txt format, wrapper-module builds cached per version, staging into the build context, and Praxis base images. */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { FakeCommandRunner } from "../kind/fake-command-runner";
import { buildPraxisImage, praxisBases } from "./builder";
import { ensureGoTool, parseGoTools } from "./go-tools";

describe("go-tools.txt", () => {
  it("reads binary, module@version and package, ignoring comments", () => {
    assert.deepEqual(parseGoTools("# tools\ncosign github.com/sigstore/cosign/v2@v2.6.1 github.com/sigstore/cosign/v2/cmd/cosign # signing\n\n", "f"), [
      { binary: "cosign", module: "github.com/sigstore/cosign/v2", version: "v2.6.1", pkg: "github.com/sigstore/cosign/v2/cmd/cosign" },
    ]);
  });

  it("says which line is wrong and why", () => {
    assert.throws(() => parseGoTools("ok a.b/c@v1.0.0 a.b/c\ncosign github.com/x/y v1\n", "images/t/go-tools.txt"), /images\/t\/go-tools.txt:2: expected "<binary> <module>@<version> <package> \[version=<package>.<Var>\]"/);
    assert.throws(() => parseGoTools("x a.b/c@v1.0.0 a.b/c version=nodot\n", "f"), /f:1: expected/);
    assert.throws(() => parseGoTools("x a.b/c@v1.0.0 other.org/d\n", "f"), /f:1: package other.org\/d is not inside module a.b\/c/);
  });
});

async function imageWithTools(version = "v1.2.3") {
  const images = await mkdtemp(join(tmpdir(), "praxis-gotools-"));
  await mkdir(join(images, "tooly"));
  await writeFile(join(images, "tooly", "Dockerfile"), "FROM praxis/base\nCOPY tools/hello /usr/local/bin/hello\n");
  await writeFile(join(images, "tooly", "go-tools.txt"), `hello example.org/hello@${version} example.org/hello/cmd/hello\n`);
  await mkdir(join(images, "base"));
  await writeFile(join(images, "base", "Dockerfile"), "FROM debian:bookworm-slim\n");
  return images;
}

describe("building Go tools", () => {
  it("builds in a wrapper module with go get + go build, once per version", async () => {
    const images = await imageWithTools();
    const cacheDir = join(images, ".cache");
    const runner = new FakeCommandRunner().produces("go build", [join(cacheDir, "bin", "hello@v1.2.3.partial")]);
    const tool = parseGoTools("hello example.org/hello@v1.2.3 example.org/hello/cmd/hello", "f")[0]!;
    const out = await ensureGoTool(tool, join(images, "tooly"), { cacheDir, runner });
    assert.equal(out, join(cacheDir, "bin", "hello@v1.2.3"));
    assert.deepEqual(runner.calls.map((c) => c.args.slice(2, 4).join(" ")), ["go get", "go build"]);
    assert.equal(runner.calls[0]!.args.at(-1), "example.org/hello@v1.2.3");
    assert.equal(runner.calls[1]!.args.at(-1), "example.org/hello/cmd/hello");
    assert.equal(runner.calls[0]!.env.GOTOOLCHAIN, "local");
    assert.match(await readFile(join(cacheDir, "work", "hello@v1.2.3", "go.mod"), "utf8"), /^module praxis.local\/image-tools\/hello/);
    await ensureGoTool(tool, join(images, "tooly"), { cacheDir, runner });
    assert.equal(runner.calls.length, 2, "a cached binary is not rebuilt");
  });

  it("stamps the pinned version into the version variable it names, cached apart from an unstamped build", async () => {
    const images = await imageWithTools();
    const cacheDir = join(images, ".cache");
    const runner = new FakeCommandRunner().produces("go build", [join(cacheDir, "bin", "hello@v1.2.3+stamped.partial")]);
    const [tool] = parseGoTools("hello example.org/hello@v1.2.3 example.org/hello/cmd/hello version=example.org/hello/version.Version", "f");
    assert.equal(tool!.versionVar, "example.org/hello/version.Version");
    const out = await ensureGoTool(tool!, join(images, "tooly"), { cacheDir, runner });
    assert.equal(out, join(cacheDir, "bin", "hello@v1.2.3+stamped"));
    const build = runner.calls[1]!.args;
    assert.equal(build[build.indexOf("-ldflags") + 1], "-s -w -X example.org/hello/version.Version=v1.2.3");
  });

  it("reports a failed build with the go command's output", async () => {
    const images = await imageWithTools();
    const runner = new FakeCommandRunner().failsOn("go get");
    const tool = parseGoTools("hello example.org/hello@v1.2.3 example.org/hello/cmd/hello", "f")[0]!;
    await assert.rejects(ensureGoTool(tool, join(images, "tooly"), { cacheDir: join(images, ".c"), runner }), /building hello@v1.2.3: go get example.org\/hello@v1.2.3 failed with exit code 1/);
  });

  it("stages tools into the context, builds the Praxis base first, and rebuilds when a tool's version changes", async () => {
    const images = await imageWithTools();
    const cacheDir = join(images, ".cache");
    const runner = new FakeCommandRunner().produces("go build", [join(cacheDir, "bin", "hello@v1.2.3.partial"), join(cacheDir, "bin", "hello@v1.3.0.partial")]);
    const rt = new FakeRuntime();
    const first = await buildPraxisImage(rt, images, "tooly", { goTools: { cacheDir, runner } });
    assert.equal(first.built, true);
    assert.ok(await rt.inspectImage("praxis/base:latest"), "the base image was built first");
    assert.equal((await buildPraxisImage(rt, images, "tooly", { goTools: { cacheDir, runner } })).built, false);
    await writeFile(join(images, "tooly", "go-tools.txt"), "hello example.org/hello@v1.3.0 example.org/hello/cmd/hello\n");
    assert.equal((await buildPraxisImage(rt, images, "tooly", { goTools: { cacheDir, runner } })).built, true);
  });

  it("finds Praxis base images in FROM lines", () => {
    assert.deepEqual(praxisBases("FROM praxis/workstation\nRUN x\nFROM --platform=linux/amd64 praxis/base:latest AS b\nFROM debian:bookworm-slim\n"), ["workstation", "base"]);
  });
});
