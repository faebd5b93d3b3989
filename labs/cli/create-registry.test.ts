/**
 * The full `praxis` registry: every command is registered once, listed in the global help, and answers
 * `--help` with its own usage (exit 0) without touching Docker, the database or the process.
 */
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { describe, it } from "node:test";
import type { CliIo } from "./command";
import { createRegistry } from "./create-registry";

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: "/", env: {}, repoRoot: "/repo" };
}

const host = {
  terminal: { stdin: process.stdin, stdout: process.stdout, signals: new EventEmitter() as unknown as NodeJS.Process },
  execPath: "/nonexistent/node",
  nodeVersion: "22.23.3",
  repoRoot: "/repo",
};

describe("praxis command registry", () => {
  const registry = createRegistry(host);
  const names = ["validate", "list", "schema", "images", "env", "import", "test", "grade", "serve", "doctor"];

  it("registers every command and lists it in the help", async () => {
    assert.deepEqual(registry.list().map((c) => c.name), names);
    const io = memoryIo();
    assert.equal(await registry.dispatch(["--help"], io), 0);
    for (const name of names) assert.match(io.out.join(""), new RegExp(`^  ${name}\\s+\\S`, "m"));
  });

  for (const [argv, pattern] of [
    [["serve", "--help"], /usage: praxis serve \[labs-dir\.\.\.\]/],
    [["doctor", "--help"], /usage: praxis doctor/],
    [["env", "--help"], /shell <id> \[--host h\]/],
    [["env", "shell", "--help"], /usage: praxis env shell <id> \[--host <name>\]/],
    [["images", "--help"], /usage: praxis images build/],
    [["test", "--help"], /usage: praxis test \[lab…\] \[--junit <file>\] \[--keep-on-failure\] \[--json\]/],
    [["grade", "--help"], /usage: praxis grade <lab> --submission <dir> \[--format text\|json\|classroom\]/],
    [["import", "--help"], /usage: praxis import killercoda <scenario-dir> <out-dir>/],
  ] as const) {
    it(`praxis ${argv.join(" ")} prints its usage and exits 0`, async () => {
      const io = memoryIo();
      assert.equal(await registry.dispatch([...argv], io), 0, io.err.join(""));
      assert.match(io.out.join(""), pattern);
    });
  }

  it("grade without --submission and with an unknown --format are usage errors", async () => {
    const missing = memoryIo();
    assert.equal(await registry.dispatch(["grade", "some-lab"], missing), 2);
    assert.match(missing.err.join(""), /praxis grade: --submission <dir> is required\nRun `praxis grade --help` for usage\./);
    const format = memoryIo();
    assert.equal(await registry.dispatch(["grade", "some-lab", "--submission", "x", "--format", "xml"], format), 2);
    assert.match(format.err.join(""), /--format must be one of text, json, classroom, got "xml"/);
  });

  it("env shell without an id is a usage error", async () => {
    const io = memoryIo();
    assert.equal(await registry.dispatch(["env", "shell"], io), 2);
    assert.match(io.err.join(""), /usage: praxis env shell/);
  });
});
