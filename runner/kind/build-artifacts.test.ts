import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readManifest } from "./artifact-cache";
import { ArtifactBuildError, buildArtifacts, recipeHash } from "./build-artifacts";
import { FakeCommandRunner } from "./fake-command-runner";
import type { ArtifactRecipe } from "./recipes";

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "praxis-artifacts-"));
  const input = join(dir, "go.mod");
  await writeFile(input, "module a\n");
  const recipe = (name: string, extra: Partial<ArtifactRecipe> = {}): ArtifactRecipe => ({
    name,
    group: "node",
    outputs: [`bin/${name}`],
    commands: [{ cmd: "nice", args: ["-n", "19", "go", "build", `./cmd/${name}`], env: {} }],
    inputs: [input],
    hostRequirements: [],
    ...extra,
  });
  const runner = new FakeCommandRunner().produces("cmd/one", [join(dir, "cache/bin/one")]).produces("cmd/two", [join(dir, "cache/bin/two")]);
  return { dir, input, recipe, runner, cacheRoot: join(dir, "cache") };
}

test("builds missing artifacts once, then reuses them from the cache", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  let clock = 1000;
  const now = () => (clock += 2500);
  const first = await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two")], runner: s.runner, now });
  assert.deepEqual(first.map((o) => [o.name, o.built, o.seconds]), [["one", true, 2.5], ["two", true, 2.5]]);
  const manifest = await readManifest(s.cacheRoot);
  assert.match(manifest.one!.outputs["bin/one"]!.sha256, /^[0-9a-f]{64}$/);
  const second = await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two")], runner: s.runner });
  assert.deepEqual(second.map((o) => [o.name, o.built, o.seconds]), [["one", false, 2.5], ["two", false, 2.5]]);
  assert.equal(s.runner.calls.length, 2, "no command ran the second time");
});

test("a changed input file, a changed command or a deleted output rebuilds only that artifact", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two", { inputs: [] })], runner: s.runner });
  await writeFile(s.input, "module b\n");
  let out = await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two", { inputs: [] })], runner: s.runner });
  assert.deepEqual(out.map((o) => o.built), [true, false]);
  await rm(join(s.cacheRoot, "bin/two"));
  out = await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two", { inputs: [] })], runner: s.runner });
  assert.deepEqual(out.map((o) => o.built), [false, true]);
  const changed = s.recipe("one", { commands: [{ cmd: "nice", args: ["-n", "19", "go", "build", "-tags", "x", "./cmd/one"], env: {} }] });
  out = await buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [changed], runner: s.runner });
  assert.deepEqual(out.map((o) => o.built), [true]);
});

test("a failing command names the recipe, the command and the log file", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  s.runner.failsOn("cmd/two");
  await assert.rejects(
    buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("one"), s.recipe("two")], runner: s.runner }),
    (err: unknown) =>
      err instanceof ArtifactBuildError && /building two failed \(exit 1\)/.test(err.message) && err.message.includes(join(s.cacheRoot, "logs", "two.log")),
  );
  // The artifact built before the failure is recorded, so the next run resumes after it.
  assert.ok((await readManifest(s.cacheRoot)).one);
});

test("a command that exits 0 without producing its output is an error", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  await assert.rejects(
    buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [s.recipe("three")], runner: s.runner }),
    /building three succeeded but did not produce .*bin\/three/,
  );
});

test("a missing host requirement fails before running anything, with the install hint", async (t) => {
  const s = await setup();
  t.after(() => rm(s.dir, { recursive: true, force: true }));
  const r = s.recipe("one", { hostRequirements: [{ path: join(s.dir, "no-such-header.h"), hint: "apt-get install libfoo-dev" }] });
  await assert.rejects(buildArtifacts({ cacheRoot: s.cacheRoot, recipes: [r], runner: s.runner }), /no-such-header\.h is missing on this machine; apt-get install libfoo-dev/);
  assert.equal(s.runner.calls.length, 0);
});

test("the same sources in another checkout hash the same (a clone in CI reuses the cache); other content does not", async (t) => {
  const s = await setup();
  const clone = await mkdtemp(join(tmpdir(), "praxis-artifacts-clone-"));
  t.after(() => Promise.all([rm(s.dir, { recursive: true, force: true }), rm(clone, { recursive: true, force: true })]));
  await cp(s.input, join(clone, "go.mod"));
  const at = (root: string): ArtifactRecipe => ({ ...s.recipe("one"), inputs: [join(root, "go.mod")], commands: [{ cmd: "go", args: ["build"], env: {}, cwd: root }] });
  assert.equal(await recipeHash(at(s.dir), s.dir), await recipeHash(at(clone), clone));
  assert.notEqual(await recipeHash(at(s.dir)), await recipeHash(at(clone)), "without a source root, paths count");
  await writeFile(join(clone, "go.mod"), "module changed\n");
  assert.notEqual(await recipeHash(at(s.dir), s.dir), await recipeHash(at(clone), clone));
});
