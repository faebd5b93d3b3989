/**
 * `praxis import killercoda` on the fixture scenario test/fixtures/killercoda/linux-files: writes a lab
 * that the loader (and so `praxis validate`) accepts, with the scenario's pages, scripts and assets in
 * place, and prints what did not convert. Also its refusals: a non-empty output folder, a bad lab id.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { loadLab } from "../../index";
import type { CliIo } from "../command";
import { importCommand } from "./import";
import { validateCommand } from "./validate";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCENARIO = path.join(ROOT, "test/fixtures/killercoda/linux-files");

function memoryIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd, env: {}, repoRoot: ROOT };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("praxis import killercoda", () => {
  const temps: string[] = [];
  after(async () => {
    for (const t of temps) await rm(t, { recursive: true, force: true });
  });
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "praxis-import-"));
    temps.push(dir);
    return dir;
  };

  it("round trip: the fixture scenario becomes a lab that validates, and every note is printed", async () => {
    const out = path.join(await tempDir(), "working-with-files");
    const run = memoryIo(ROOT);
    assert.equal(await importCommand.run(["killercoda", SCENARIO, out], run.io), 0, run.err());
    assert.match(run.out(), /^✓ imported working-with-files \(2 steps\) into .*working-with-files; 9 warnings\n$/);
    for (const expected of [
      "warning: index.json: time is not converted (Praxis has no equivalent)",
      "warning: index.json: details.finish.background is not converted: Praxis runs no scripts on the finish page",
      "warning: index.json: details.assets.host02 is not converted: the Praxis lab has one host, workstation (host01)",
      "warning: step1/text.md:9: {{exec interrupt}} became {{exec}}: Praxis does not send Ctrl-C before running a command",
      "warning: step2/background.sh:1: `apt-get install -y tree` needs the internet, which Praxis hosts do not have by default; bake what it installs into an image instead",
      "note: index.json: backend.imageid ubuntu runs on praxis/workstation (Debian 12 with common tools); Ubuntu-specific packages may differ",
    ]) {
      assert.ok(run.err().includes(`${expected}\n`), `missing: ${expected}\n${run.err()}`);
    }

    const { lab, diagnostics } = await loadLab(out);
    assert.deepEqual(diagnostics, []);
    assert.ok(lab);
    assert.equal(lab.metadata.title, "Working with files");
    assert.deepEqual(lab.environment.hosts[0]?.files.map((f) => [f.target, f.mode.toString(8)]), [
      ["/root/notes.txt", "644"],
      ["/usr/local/bin/ll", "755"],
      ["/usr/local/bin/usage", "755"],
    ]);
    assert.deepEqual(lab.environment.hosts[0]?.setup.map((s) => s.script.path), ["setup/intro-background.sh"]);
    const [create, move] = lab.steps;
    assert.equal(create?.id, "create-a-file");
    assert.deepEqual(create?.checks.map((c) => c.kind === "script" && c.script.content), ["#!/bin/bash\ntest -f /root/workspace/hello.txt\n"]);
    assert.deepEqual(create?.hints, ["**Tip**\n\n`touch` creates empty files."]);
    assert.match(create?.solution?.markdown ?? "", /touch \/root\/workspace\/hello\.txt\n```\{\{exec\}\}/);
    assert.doesNotMatch(create?.instructions.markdown ?? "", /<details>|interrupt|\{\{\}\}/);
    assert.deepEqual(move?.setup.map((s) => s.script.path), ["steps/move-it/background.sh", "steps/move-it/foreground.sh"]);
    assert.equal(lab.intro?.markdown.startsWith("Welcome!"), true);
    assert.equal((await stat(path.join(out, "steps/move-it/verify.sh"))).mode & 0o777, 0o755);
    assert.match(await readFile(path.join(out, "lab.yaml"), "utf8"), /^# yaml-language-server: \$schema=.*content\/lab\.schema\.json\n/);

    const validate = memoryIo(ROOT);
    assert.equal(await validateCommand.run([out], validate.io), 0, validate.out());
  });

  it("refuses a non-empty output folder without --force, an output name that is no lab id, and other formats", async () => {
    const base = await tempDir();
    const busy = path.join(base, "busy");
    await mkdir(busy);
    await writeFile(path.join(busy, "keep.txt"), "mine");
    const refused = memoryIo(ROOT);
    assert.equal(await importCommand.run(["killercoda", SCENARIO, busy], refused.io), 1);
    assert.match(refused.err(), /busy is not empty; use --force to write into it/);
    const forced = memoryIo(ROOT);
    assert.equal(await importCommand.run(["killercoda", SCENARIO, busy, "--force"], forced.io), 0, forced.err());
    assert.equal(await readFile(path.join(busy, "keep.txt"), "utf8"), "mine");

    await assert.rejects(importCommand.run(["killercoda", SCENARIO, path.join(base, "Not_A_Label")], memoryIo(ROOT).io), /must be a DNS label/);
    await assert.rejects(importCommand.run(["katacoda", SCENARIO, path.join(base, "x")], memoryIo(ROOT).io), /unknown format `katacoda`; supported: killercoda/);
    const missing = memoryIo(ROOT);
    assert.equal(await importCommand.run(["killercoda", path.join(base, "nowhere"), path.join(base, "x")], missing.io), 1);
    assert.match(missing.err(), /nowhere: not a folder/);
  });
});
