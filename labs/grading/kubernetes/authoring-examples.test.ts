/**
 * The "Kubernetes checks" section of content/AUTHORING.md is executable: every YAML example must validate
 * inside a lab and pass against a sample cluster, and every failure message it shows must be exactly what
 * the grader prints for the broken state the text describes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { convertLab } from "../../format/convert";
import { formatDiagnostic } from "../../format/diagnostics";
import type { KubernetesCheck } from "../../format/types";
import { validateLabSource } from "../../format/validate";
import { FakeClusterReader } from "./fake-reader";
import type { KubeObject } from "./reader";
import { runKubernetesCheck } from "./run";

const markdown = readFileSync(path.resolve(import.meta.dirname, "../../../content/AUTHORING.md"), "utf8");
const section = markdown.slice(markdown.indexOf("## Kubernetes checks"), markdown.indexOf("\n## ", markdown.indexOf("## Kubernetes checks") + 1));
const blocks = (lang: string) => [...section.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1]!);

function examples(): KubernetesCheck[] {
  const checks = blocks("yaml");
  assert.ok(checks.length >= 6 && checks.every((b) => b.startsWith("- kind: kubernetes")), "every YAML example is one check");
  const text = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata: { id: docs, title: Docs, summary: Examples., difficulty: beginner, estimatedMinutes: 1 }
environment:
  hosts: [{ name: ws }]
  cluster: {}
steps:
  - id: only
    title: Only
    checks:
${checks.join("").replace(/^/gm, "      ")}`;
  const tree = new Map([["steps/only/index.md", { type: "file" as const, executable: false }]]);
  const result = validateLabSource({ file: "docs/lab.yaml", dirName: "docs", text, tree });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  const lab = convertLab(result.wire!, { dir: "/docs", tree, texts: new Map([["steps/only/index.md", "# Docs"]]) });
  return lab.steps[0]!.checks.filter((c): c is KubernetesCheck => c.kind === "kubernetes");
}

const deployment = (image: string, readyReplicas: number): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels: { "app.kubernetes.io/name": "web" } },
  spec: { replicas: 3, template: { spec: { containers: [{ name: "web", image, resources: { limits: { memory: "128Mi" } } }] } } },
  status: { readyReplicas, updatedReplicas: 3 },
});

const pod = (name: string, phase: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels: { app: "web" } },
  spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { limits: { memory: "128Mi" } } }] },
  status: { phase },
});

const node: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "kind-control-plane" },
  status: { conditions: [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: "True" }] },
};

const healthy = () => new FakeClusterReader([deployment("nginx:1.27", 3), pod("web-1", "Running"), pod("web-2", "Running"), pod("web-3", "Running"), node]);
const grade = (reader: FakeClusterReader, check: KubernetesCheck) => runKubernetesCheck(reader, { ...check, timeoutMs: 50, intervalMs: 10 });

describe("AUTHORING.md: Kubernetes checks", () => {
  it("every example validates and passes on a cluster in the described state", async () => {
    for (const check of examples()) {
      const result = await grade(healthy(), check);
      assert.equal(result.passed, true, `${check.name}: ${result.message}`);
    }
  });

  it("every example fails on a cluster where its task is not done", async () => {
    const broken = new FakeClusterReader([deployment("nginx:1.25", 1), pod("web-1", "Pending"), { ...pod("debug", "Running"), spec: { hostNetwork: true, containers: [{ name: "web" }] } }]);
    broken.apply({ ...node, status: { conditions: [{ type: "Ready", status: "False" }] } });
    for (const check of examples()) assert.equal((await grade(broken, check)).passed, false, check.name);
  });

  it("shows the messages the grader really prints", async () => {
    const [matchMessage, selectMessage, exprMessage] = blocks("text").map((b) => b.trim());
    const byName = (name: string) => examples().find((c) => c.name === name)!;
    const oldImage = new FakeClusterReader([deployment("nginx:1.25", 3)]);
    assert.equal((await grade(oldImage, byName("web runs three replicas of nginx 1.27 with a memory limit"))).message, matchMessage);
    const onePending = new FakeClusterReader([pod("web-1", "Running"), pod("web-7d9f", "Pending"), pod("web-3", "Running")]);
    assert.equal((await grade(onePending, byName("at least three web pods are running"))).message, selectMessage);
    const rollingOut = new FakeClusterReader([deployment("nginx:1.27", 1)]);
    assert.equal((await grade(rollingOut, byName("the rollout finished"))).message, exprMessage);
  });
});
