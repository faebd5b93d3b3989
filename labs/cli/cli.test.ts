/**
 * End-to-end tests of the `praxis` CLI: they spawn the real shim (bin/praxis.mjs) the way a user would,
 * from a different working directory, and assert output and exit codes.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { labJsonSchemaText } from "../format/json-schema";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const FIXTURES = path.join(ROOT, "test/fixtures/labs");

function praxis(args: string[], env: Record<string, string> = {}, cwd = tmpdir()) {
  const result = spawnSync(NODE, [path.join(ROOT, "bin/praxis.mjs"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PRAXIS_LABS_DIRS: "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("praxis CLI", () => {
  it("validates the default labs directory", () => {
    const { code, stdout } = praxis(["validate"]);
    const count = readdirSync(path.join(ROOT, "content/labs")).filter((d) => existsSync(path.join(ROOT, "content/labs", d, "lab.yaml"))).length;
    assert.ok(count >= 2);
    assert.equal(stdout, `✓ ${count} labs valid\n`);
    assert.equal(code, 0);
  });

  it("prints every problem as file:line:col and exits 1", () => {
    const { code, stdout } = praxis(["validate", "multi-error", "wrong-kind"], {}, FIXTURES);
    const lines = stdout.trimEnd().split("\n");
    assert.equal(code, 1);
    assert.equal(lines.length, 15);
    assert.equal(lines[0], "multi-error/lab.yaml:4:7: metadata.id: `not-the-folder` must equal the lab's folder name `multi-error`");
    assert.equal(lines[13], "wrong-kind/lab.yaml:2:7: kind must be `Lab`, got `Course`");
    assert.equal(lines[14], "✗ 14 problems in 2 labs; 0 labs valid");
  });

  it("accepts a folder of labs and reports a folder without any", () => {
    assert.equal(praxis(["validate", path.join(ROOT, "content/labs")]).code, 0);
    const empty = praxis(["validate", path.join(FIXTURES, "no-lab-file")]);
    assert.equal(empty.code, 1);
    assert.match(empty.stdout, /no-lab-file:1:1: no labs found/);
  });

  it("lists labs from PRAXIS_LABS_DIRS as a table and as JSON", () => {
    const labsDirs = [path.join(ROOT, "content/labs"), FIXTURES].join(path.delimiter);
    const table = praxis(["list"], { PRAXIS_LABS_DIRS: labsDirs });
    assert.match(table.stdout.split("\n")[0]!, /^ID\s+TITLE\s+DIFFICULTY\s+MINUTES\s+CLUSTER\s+TOPICS\s+DIR$/);
    assert.match(table.stdout, /first-container\s+Your first container\s+beginner\s+20\s+no\s+containers,linux/);
    assert.equal(table.code, 1, "broken fixtures are reported");
    assert.match(table.stderr, /problem\(s\) in labs that are not listed/);

    const json = praxis(["list", "--json"]);
    assert.equal(json.code, 0);
    const listed = JSON.parse(json.stdout) as Record<string, unknown>[];
    const lab = listed.find((l) => l.id === "first-container");
    assert.equal(listed.find((l) => l.id === "first-deployment")?.needsCluster, true);
    assert.deepEqual(
      { ...lab, dir: undefined },
      {
        id: "first-container",
        title: "Your first container",
        summary: lab?.summary,
        topics: ["containers", "linux"],
        difficulty: "beginner",
        estimatedMinutes: 20,
        needsCluster: false,
        hosts: ["workstation"],
        steps: 3,
        dir: undefined,
      },
    );
    assert.equal(lab?.dir, path.join(ROOT, "content/labs/first-container"));
  });

  it("prints and writes the JSON Schema", async () => {
    const printed = praxis(["schema"]);
    assert.equal(printed.code, 0);
    assert.equal(printed.stdout, labJsonSchemaText());
    const dir = await mkdtemp(path.join(tmpdir(), "praxis-schema-"));
    try {
      const written = praxis(["schema", "--out", "lab.schema.json"], {}, dir);
      assert.equal(written.code, 0);
      assert.equal(await readFile(path.join(dir, "lab.schema.json"), "utf8"), labJsonSchemaText());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("has help for the CLI and every command", () => {
    const help = praxis(["--help"]);
    assert.equal(help.code, 0);
    for (const name of ["validate", "list", "schema"]) {
      assert.match(help.stdout, new RegExp(`^  ${name}\\s+\\S`, "m"));
      const own = praxis([name, "--help"]);
      assert.equal(own.code, 0);
      assert.match(own.stdout, new RegExp(`^Usage: praxis ${name}`));
      assert.match(own.stdout, /Exit codes: 0 /);
      assert.equal(praxis(["help", name]).stdout, own.stdout);
    }
  });

  it("rejects unknown commands and flags with exit code 2", () => {
    const command = praxis(["valdate"]);
    assert.equal(command.code, 2);
    assert.equal(command.stderr, "praxis: unknown command `valdate`; did you mean `validate`?\nRun `praxis --help` to see the commands.\n");
    const flag = praxis(["list", "--jsn"]);
    assert.equal(flag.code, 2);
    assert.equal(flag.stderr, "praxis list: unknown flag `--jsn`; did you mean `--json`?\nRun `praxis list --help` for usage.\n");
    assert.equal(praxis(["schema", "extra"]).code, 2);
    assert.equal(praxis([]).code, 2);
  });
});
