/** Go inside lab images: go-sdk.txt parsing, the toolchain module name, the offline module tree (cached by content), and making staged copies usable. */
import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { FakeCommandRunner } from "../kind/fake-command-runner";
import { ensureGoModules, makeToolchainExecutable, makeWritable, readGoSdk, toolchainModule } from "./go-sdk";

const temp = () => mkdtemp(join(tmpdir(), "praxis-gosdk-"));

describe("go-sdk.txt", () => {
  it("names one Go release; none means no toolchain", async () => {
    const dir = await temp();
    assert.equal(await readGoSdk(dir), null);
    await writeFile(join(dir, "go-sdk.txt"), "# the lab's Go\ngo1.26.8\n");
    assert.equal(await readGoSdk(dir), "go1.26.8");
    assert.equal(toolchainModule("go1.26.8"), "golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64");
  });

  it("says what is wrong with anything else", async () => {
    const dir = await temp();
    await writeFile(join(dir, "go-sdk.txt"), "1.26\n");
    await assert.rejects(readGoSdk(dir), /go-sdk.txt: expected one Go release such as "go1.26.8", got "1.26"/);
    await writeFile(join(dir, "go-sdk.txt"), "go1.26.8\ngo1.25.1\n");
    await assert.rejects(readGoSdk(dir), /expected one Go release/);
  });
});

describe("go-modules/", () => {
  it("tidies and downloads once per content, into a proxy tree", async () => {
    const image = await temp();
    const cacheDir = await temp();
    assert.equal(await ensureGoModules(image, { cacheDir, runner: new FakeCommandRunner() }), null, "no go-modules/ means nothing to stage");
    await mkdir(join(image, "go-modules"));
    await writeFile(join(image, "go-modules", "go.mod"), "module lab.local/deps\n\ngo 1.24\n\nrequire example.org/lib v1.0.0\n");
    await writeFile(join(image, "go-modules", "imports.go"), 'package deps\n\nimport _ "example.org/lib"\n');
    const runner = new FakeCommandRunner();
    const tree = await ensureGoModules(image, { cacheDir, runner });
    assert.match(tree!, /modcache\/cache\/download$/);
    assert.deepEqual(runner.calls.map((c) => c.args.slice(2).join(" ")), ["go mod tidy", "go mod download all"]);
    assert.equal(runner.calls[0]!.env.GOMODCACHE, join(tree!, "..", ".."));
    assert.equal(await ensureGoModules(image, { cacheDir, runner }), tree);
    assert.equal(runner.calls.length, 2, "a second staging reuses the cache");
    await writeFile(join(image, "go-modules", "imports.go"), 'package deps\n\nimport _ "example.org/other"\n');
    assert.notEqual(await ensureGoModules(image, { cacheDir, runner }), tree, "changed imports mean a new download");
  });

  it("reports a failed download with its output", async () => {
    const image = await temp();
    await mkdir(join(image, "go-modules"));
    await writeFile(join(image, "go-modules", "go.mod"), "module lab.local/deps\n");
    await assert.rejects(ensureGoModules(image, { cacheDir: await temp(), runner: new FakeCommandRunner().failsOn("tidy") }), /go mod tidy in .*go-modules failed with exit code 1/);
  });
});

describe("staged copies", () => {
  it("become writable, and the toolchain's programs executable", async () => {
    const goroot = await temp();
    await mkdir(join(goroot, "bin"));
    await mkdir(join(goroot, "pkg", "tool", "linux_amd64"), { recursive: true });
    await writeFile(join(goroot, "bin", "go"), "");
    await writeFile(join(goroot, "pkg", "tool", "linux_amd64", "compile"), "");
    await writeFile(join(goroot, "VERSION"), "go1.26.8");
    for (const f of ["bin/go", "pkg/tool/linux_amd64/compile", "VERSION"]) await chmod(join(goroot, f), 0o444);
    await chmod(join(goroot, "bin"), 0o555);
    await makeWritable(goroot);
    await makeToolchainExecutable(goroot);
    const mode = async (f: string) => (await stat(join(goroot, f))).mode & 0o777;
    assert.equal(await mode("bin/go"), 0o755);
    assert.equal(await mode("pkg/tool/linux_amd64/compile"), 0o755);
    assert.equal(await mode("VERSION"), 0o644);
    assert.equal(await mode("bin"), 0o755);
  });
});
