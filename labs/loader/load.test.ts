/**
 * loadLab/loadLabs against real directories: the sample lab, a fixture that uses every field (asserting the
 * converted, defaulted result), and the multi-directory rules (first directory wins, missing directories).
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { formatDiagnostic, labSummary, loadLab, loadLabs } from "../index";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/labs");
const SAMPLE = path.join(ROOT, "content/labs/first-container");

describe("loadLab", () => {
  it("loads the sample lab with defaults applied and page texts attached", async () => {
    const { lab, diagnostics } = await loadLab(SAMPLE);
    assert.deepEqual(diagnostics.map(formatDiagnostic), []);
    assert.ok(lab);
    assert.equal(lab.dir, SAMPLE);
    assert.equal(lab.metadata.id, "first-container");
    assert.deepEqual(lab.steps.map((s) => s.id), ["processes", "limits", "filesystem"]);
    const [host] = lab.environment.hosts;
    assert.equal(host?.image, "praxis/workstation");
    assert.equal(host?.privileged, false);
    assert.deepEqual(host?.capabilities, []);
    assert.equal(host?.resources.memoryBytes, 256 * 1024 * 1024);
    assert.equal(lab.environment.cluster, undefined);
    for (const step of lab.steps) {
      assert.match(step.instructions.markdown, /^# /);
      assert.equal(step.instructions.path, `steps/${step.id}/index.md`);
      assert.ok(step.checks.length >= 1 && step.hints.length >= 2 && step.solve);
      for (const check of step.checks) {
        if (check.kind !== "script") throw new Error(`unexpected ${check.kind} check`);
        assert.equal(check.host, "workstation");
        assert.equal(check.timeoutMs, 10_000);
        assert.match(check.script.content, /FAIL: /);
      }
    }
    assert.match(lab.steps[0]!.instructions.markdown, /```mermaid\n/);
    assert.match(lab.intro?.markdown ?? "", /^# Welcome/);
    assert.match(lab.finish?.markdown ?? "", /^# Well done/);
  });

  it("converts every field of a full lab", async () => {
    const dir = path.join(FIXTURES, "valid-full");
    const { lab, diagnostics } = await loadLab(dir);
    assert.deepEqual(diagnostics, []);
    assert.ok(lab);
    const [server, client] = lab.environment.hosts;
    assert.deepEqual(server?.resources, { cpus: 0.5, memoryBytes: 1024 ** 3, pids: 512 });
    assert.deepEqual(server?.env, { ROLE: "server", PORT: "8080" });
    assert.equal(server?.terminal, false);
    assert.deepEqual(
      server?.files.map((f) => [f.source, f.target, f.mode.toString(8)]),
      [
        ["assets/config/app.yaml", "/etc/app/app.yaml", "644"],
        ["assets/config/extra.ini", "/etc/app/extra.ini", "644"],
        ["scripts/tool.sh", "/usr/local/bin/tool", "755"],
        ["assets/motd.txt", "/etc/motd", "600"],
      ],
    );
    assert.equal(server?.files[0]?.sourcePath, path.join(dir, "assets/config/app.yaml"));
    assert.deepEqual(server?.setup, [{ host: "server", script: { content: "apt-get update" }, timeoutMs: 300_000 }]);
    assert.deepEqual(client?.capabilities, ["NET_ADMIN", "NET_RAW"]);
    assert.deepEqual(client?.editorPaths, ["/root", "/etc/hosts"]);
    assert.equal(client?.workingDir, "/root");
    assert.deepEqual(lab.environment.cluster, { provider: "kind", nodes: 2, kubernetesVersion: "v1.34.4", preloadImages: ["nginx:1.27"] });
    assert.deepEqual(lab.intro, { path: "README.md", markdown: "# Intro\n" });
    assert.deepEqual(lab.finish, { path: "finish.md", markdown: "# Finish\n" });
    const [build, deploy] = lab.steps;
    assert.deepEqual(build?.checks.map((c) => c.kind === "script" && [c.name, c.host, c.timeoutMs, c.retries, c.intervalMs, c.weight, c.script.path]), [
      ["server answers", "client", 90_000, 2, 5000, 3, undefined],
      ["Check 2", "server", 30_000, 0, 1000, 1, "scripts/tool.sh"],
    ]);
    assert.deepEqual(build?.solve, { host: "server", script: { content: "echo solved" }, timeoutMs: 120_000 });
    assert.deepEqual(build?.hints, ["First hint.", "Second hint."]);
    assert.equal(build?.solution?.markdown, "Solution.\n");
    assert.deepEqual(deploy?.instructions, { path: "steps/deploy/page.md", markdown: "# Deploy\n" });
    assert.deepEqual([deploy?.setup, deploy?.checks, deploy?.hints, deploy?.solve, deploy?.solution], [[], [], [], undefined, undefined]);
    assert.equal(labSummary(lab).needsCluster, true);
  });
});

describe("loadLabs", () => {
  it("loads every lab folder, skipping folders without lab.yaml, and reports broken labs", async () => {
    const { labs, diagnostics } = await loadLabs([FIXTURES]);
    assert.deepEqual(labs.map((l) => l.metadata.id), ["valid-full"]);
    assert.ok(diagnostics.some((d) => d.file === path.join(FIXTURES, "wrong-kind", "lab.yaml")));
    assert.ok(!diagnostics.some((d) => d.file.includes("no-lab-file")));
  });

  it("lets the first directory win when two define the same lab, and reports missing directories", async () => {
    const other = await mkdtemp(path.join(tmpdir(), "praxis-labs-"));
    try {
      await cp(SAMPLE, path.join(other, "first-container"), { recursive: true });
      const missing = path.join(other, "nope");
      const { labs, diagnostics } = await loadLabs([path.dirname(SAMPLE), other, missing]);
      assert.deepEqual(labs.filter((l) => l.metadata.id === "first-container").map((l) => l.dir), [SAMPLE]);
      assert.deepEqual(diagnostics.map(formatDiagnostic), [
        `${missing}:1:1: labs directory not found`,
        `${path.join(other, "first-container", "lab.yaml")}:1:1: duplicate lab id \`first-container\`: already loaded from ${SAMPLE}; this copy is ignored`,
      ]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
