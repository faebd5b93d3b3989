/**
 * `praxis doctor` against an in-memory engine and fake probes: each check reports ok or a fix, images
 * are compared by context hash, and the exit code says whether everything passed.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import type { CliIo } from "../../labs/cli/command";
import { FakeRuntime } from "../docker/fake-runtime";
import { RuntimeError } from "../docker/errors";
import { LABEL } from "../docker/labels";
import { availableImages, imageContextHash, imageTag, praxisBases } from "../images/builder";
import { checkNode, type DoctorProbes } from "./doctor-checks";
import { doctorCommand } from "./doctor";

const IMAGES = path.resolve(import.meta.dirname, "../../images");

/** Marks an image (its Praxis bases first) as built from the current images/<name>/, as the builder labels it. */
async function markBuilt(runtime: FakeRuntime, name: string): Promise<void> {
  if (await runtime.inspectImage(imageTag(name))) return;
  for (const base of praxisBases(await readFile(path.join(IMAGES, name, "Dockerfile"), "utf8"))) await markBuilt(runtime, base);
  runtime.addImage(imageTag(name), { [LABEL.contextHash]: await imageContextHash(runtime, IMAGES, name) });
}

function run(probes: DoctorProbes) {
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => true }, cwd: "/", env: {}, repoRoot: "/" };
  return doctorCommand(() => probes).run([], io).then((code) => ({ code, out: out.join("") }));
}

const probes = (runtime: FakeRuntime, overrides: Partial<DoctorProbes> = {}): DoctorProbes => ({
  nodeVersion: "22.23.3",
  runtime,
  imagesDir: IMAGES,
  chromiumPath: "/usr/bin/chromium",
  exists: async () => true,
  pendingMigrations: async () => [],
  databaseLabel: "sqlite database at data/praxis.db",
  ...overrides,
});

describe("praxis doctor", () => {
  it("passes when everything is ready", async () => {
    const runtime = new FakeRuntime();
    for (const name of await availableImages(IMAGES)) await markBuilt(runtime, name);
    const { code, out } = await run(probes(runtime));
    assert.equal(code, 0, out);
    assert.match(out, /^✓ Node.js: v22\.23\.3$/m);
    assert.match(out, /^✓ image praxis\/workstation:latest: built and up to date$/m);
    assert.doesNotMatch(out, /✗/);
  });

  it("names each problem with its fix and exits 1", async () => {
    const runtime = new FakeRuntime();
    runtime.failNext("ping", new RuntimeError("unavailable", "cannot connect to /var/run/docker.sock"));
    const { code, out } = await run(probes(runtime, { exists: async () => false, pendingMigrations: async () => ["20260101_x"] }));
    assert.equal(code, 1);
    assert.match(out, /✗ Docker engine: cannot connect.*\n    fix: start Docker/);
    assert.match(out, /! Chromium \(end-to-end tests\): not found at \/usr\/bin\/chromium\n    fix: /);
    assert.match(out, /✗ database: .* 1 pending migration\(s\): 20260101_x\n    fix: run `npm start`/);
  });

  it("advises building an image that is missing, without failing (the first session would build it)", async () => {
    const { code, out } = await run(probes(new FakeRuntime()));
    assert.match(out, /! image praxis\/workstation:latest: not built .*\n    fix: praxis images build workstation/);
    assert.doesNotMatch(out, /✗/);
    assert.equal(code, 0, out);
  });

  it("checks the Node version", () => {
    assert.equal(checkNode("22.19.0").ok, true);
    assert.equal(checkNode("22.18.1").ok, false);
    assert.equal(checkNode("20.11.0").ok, false);
    assert.equal(checkNode("24.0.0").ok, true);
  });
});
