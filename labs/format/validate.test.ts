/**
 * The pure pipeline (validate + convert) on in-memory labs: the smallest valid lab and the defaults it gets,
 * and rules that need no fixture folder. Runs without touching the disk, as the site or a browser would.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KIND_NODE_VERSIONS } from "../../runner/kind/versions";
import { convertLab } from "./convert";
import { DEFAULTS, KUBERNETES_VERSIONS } from "./defaults";
import { formatDiagnostic } from "./diagnostics";
import type { LabTree, TreeEntry } from "./tree";
import { validateLabSource } from "./validate";

const file: TreeEntry = { type: "file", executable: false };
const tree = (...paths: string[]): LabTree => new Map(paths.map((p) => [p, file]));

const MINIMAL = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata:
  id: tiny
  title: Tiny
  summary: The smallest lab.
  difficulty: beginner
  estimatedMinutes: 1
steps:
  - id: only
    title: Only step
    checks:
      - kind: script
        run: test -f /tmp/done
`;

function load(text: string, files: LabTree) {
  const result = validateLabSource({ file: "tiny/lab.yaml", dirName: "tiny", text, tree: files });
  const texts = new Map(result.textFiles.map((p) => [p, `text of ${p}`]));
  return { ...result, lab: result.wire && convertLab(result.wire, { dir: "/labs/tiny", tree: files, texts }) };
}

describe("validateLabSource + convertLab", () => {
  it("applies every default to the smallest lab", () => {
    const { lab, diagnostics, textFiles } = load(MINIMAL, tree("steps/only/index.md"));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(textFiles, ["steps/only/index.md"]);
    assert.ok(lab);
    assert.deepEqual(lab.metadata.topics, []);
    assert.deepEqual(lab.metadata.prerequisites, []);
    assert.deepEqual(lab.environment, {
      hosts: [
        {
          name: "workstation",
          image: "praxis/workstation",
          privileged: false,
          capabilities: [],
          resources: { cpus: 1, memoryBytes: 512 * 1024 * 1024, pids: 256 },
          env: {},
          files: [],
          workingDir: "/root",
          terminal: true,
          editorPaths: [],
          setup: [],
          ports: [],
        },
      ],
    });
    assert.equal(lab.intro, undefined);
    assert.equal(lab.finish, undefined);
    assert.deepEqual(lab.steps[0], {
      id: "only",
      title: "Only step",
      instructions: { path: "steps/only/index.md", markdown: "text of steps/only/index.md" },
      setup: [],
      checks: [{ kind: "script", name: "Check 1", host: "workstation", script: { content: "test -f /tmp/done" }, timeoutMs: 30_000, retries: 0, intervalMs: 1000, weight: 1 }],
      hints: [],
    });
  });

  it("picks up intro.md and finish.md by convention", () => {
    const { lab } = load(MINIMAL, tree("steps/only/index.md", "intro.md", "finish.md"));
    assert.deepEqual(lab?.intro, { path: "intro.md", markdown: "text of intro.md" });
    assert.deepEqual(lab?.finish, { path: "finish.md", markdown: "text of finish.md" });
  });

  it("reports the default instructions path when it is missing", () => {
    const { lab, diagnostics } = load(MINIMAL, tree());
    assert.equal(lab, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      "tiny/lab.yaml:10:9: steps[0]: instructions not found: expected steps/only/index.md, or set `instructions:` to the step's Markdown file",
    ]);
  });

  it("rejects a directory where a file is expected", () => {
    const dirTree: LabTree = new Map([["steps/only/index.md", { type: "dir", executable: false }]]);
    const text = MINIMAL.replace("    title: Only step\n", "    title: Only step\n    instructions: steps/only/index.md\n");
    assert.deepEqual(load(text, dirTree).diagnostics.map((d) => d.message), [
      "steps[0].instructions: steps/only/index.md is a directory, expected a file",
    ]);
  });

  it("points at the key of an unknown field, not at its value", () => {
    const text = MINIMAL.replace("  estimatedMinutes: 1\n", "  estimatedMinutes: 1\n  estimatedMinutess: 2\n");
    assert.deepEqual(load(text, tree("steps/only/index.md")).diagnostics.map(formatDiagnostic), [
      "tiny/lab.yaml:9:3: unknown field `estimatedMinutess` in metadata; did you mean `estimatedMinutes`?",
    ]);
  });

  it("refuses a Kubernetes version Praxis has no node image for, naming the ones it has", () => {
    const cluster = (version: string) => MINIMAL.replace("steps:\n", `environment:\n  hosts: [{ name: ws }]\n  cluster:\n    kubernetesVersion: ${version}\nsteps:\n`);
    assert.deepEqual(load(cluster("v1.31.0"), tree("steps/only/index.md")).diagnostics.map(formatDiagnostic), [
      `tiny/lab.yaml:12:24: environment.cluster.kubernetesVersion: Praxis has no node image for v1.31.0: it builds ${KUBERNETES_VERSIONS.join(", ")} ("praxis images build kind-node")`,
    ]);
    assert.deepEqual(load(cluster(KUBERNETES_VERSIONS[0]), tree("steps/only/index.md")).diagnostics, []);
    assert.equal(DEFAULTS.kubernetesVersion, KIND_NODE_VERSIONS.kubernetes, "the default is the version the node image is built for");
    assert.ok((KUBERNETES_VERSIONS as readonly string[]).includes(KIND_NODE_VERSIONS.kubernetes));
  });
});
