/**
 * A Killercoda scenario imported into Praxis runs for real (Docker): the fixture scenario is imported, an
 * author adds the `solve` scripts Killercoda has no place for, and `praxis test` then passes — so the
 * converted intro background, step setup (background + foreground), assets and verify scripts all work
 * in a Praxis environment, and each verify fails before its step is solved.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { importCommand } from "../../labs/cli/commands/import";
import type { CliIo } from "../../labs/cli/command";
import { cliDeps } from "../../runner/cli/deps";
import { labRunDeps } from "../../runner/testing/deps";
import { testCommand } from "../../runner/testing/test-command";

const ROOT = path.resolve(import.meta.dirname, "../..");

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: undefined }, repoRoot: ROOT };
  return { io, text: () => out.join("") + err.join("") };
}

describe("Killercoda import round trip (integration)", { timeout: 120_000 }, () => {
  it("the imported scenario, plus solve scripts, passes praxis test", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "praxis-kc-"));
    try {
      const lab = path.join(base, "working-with-files");
      const imported = memoryIo();
      assert.equal(await importCommand.run(["killercoda", path.join(ROOT, "test/fixtures/killercoda/linux-files"), lab], imported.io), 0, imported.text());

      const file = path.join(lab, "lab.yaml");
      const doc = parseDocument(await readFile(file, "utf8"));
      doc.setIn(["steps", 0, "solve"], { run: "touch /root/workspace/hello.txt" });
      doc.setIn(["steps", 1, "solve"], { run: "mv /root/workspace/hello.txt /root/archive/" });
      await writeFile(file, doc.toString());

      const run = memoryIo();
      const code = await testCommand((cli) => labRunDeps(cli, cliDeps(cli))).run([lab], run.io);
      assert.equal(code, 0, run.text());
      assert.match(run.text(), /working-with-files\s+move-it\s+setup\s+ok/);
      assert.match(run.text(), /working-with-files\s+move-it\s+checks fail before solve\s+ok/);
      assert.match(run.text(), /✓ 1 lab passed/);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
