/**
 * `kind: kubernetes` checks through the pure pipeline (validate + convert): each YAML form becomes the
 * internal assertion with defaults applied, and load-time errors point into the expression itself.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertLab } from "./convert";
import { formatDiagnostic } from "./diagnostics";
import type { LabTree } from "./tree";
import type { Check } from "./types";
import { validateLabSource } from "./validate";

const files: LabTree = new Map([["steps/only/index.md", { type: "file", executable: false }]]);

function load(checks: string, environment = "environment:\n  hosts: [{ name: ws }]\n  cluster: {}\n") {
  const text = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata: { id: tiny, title: Tiny, summary: Small., difficulty: beginner, estimatedMinutes: 1 }
${environment}steps:
  - id: only
    title: Only
    checks:
${checks.replace(/^/gm, "      ").trimEnd()}
`;
  const result = validateLabSource({ file: "tiny/lab.yaml", dirName: "tiny", text, tree: files });
  const lab = result.wire && convertLab(result.wire, { dir: "/labs/tiny", tree: files, texts: new Map([["steps/only/index.md", "# Only"]]) });
  return { diagnostics: result.diagnostics.map(formatDiagnostic), checks: lab?.steps[0]?.checks ?? [] };
}

function only(checks: string): Check {
  const result = load(checks);
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.checks.length, 1);
  return result.checks[0]!;
}

describe("kubernetes checks: conversion", () => {
  it("match: the object comes from the manifest; timeout, interval and weight get defaults", () => {
    const check = only(`- kind: kubernetes
  match:
    apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web, namespace: shop }
    spec: { replicas: 3 }
`);
    assert.deepEqual(check, {
      kind: "kubernetes",
      name: "Check 1",
      assertion: {
        form: "match",
        object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" },
        manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop" }, spec: { replicas: 3 } },
      },
      timeoutMs: 30_000,
      intervalMs: 1000,
      weight: 1,
    });
  });

  it("absent: labels become the label selector; no name means every object of the kind", () => {
    const check = only(`- kind: kubernetes
  name: no debug pods
  absent: { apiVersion: v1, kind: Pod, metadata: { namespace: default, labels: { app: debug, team: x } } }
  timeout: 5s
  interval: 500ms
  weight: 2
`);
    assert.deepEqual(check, {
      kind: "kubernetes",
      name: "no debug pods",
      assertion: {
        form: "absent",
        query: { apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=debug,team=x" },
        manifest: { apiVersion: "v1", kind: "Pod", metadata: { namespace: "default", labels: { app: "debug", team: "x" } } },
      },
      timeoutMs: 5000,
      intervalMs: 500,
      weight: 2,
    });
  });

  it("select: a labels mapping becomes selector text, strings become expressions, a number an exact count", () => {
    const check = only(`- kind: kubernetes
  select: { apiVersion: v1, kind: Pod, namespace: default, labelSelector: { app: web }, fieldSelector: status.phase=Running }
  every: 'startsWith(metadata.name, "web-")'
  any: { spec: { nodeName: kind-worker } }
  count: 3
`);
    assert.deepEqual(check.kind === "kubernetes" && check.assertion, {
      form: "select",
      query: { apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=web", fieldSelector: "status.phase=Running" },
      every: { expr: 'startsWith(metadata.name, "web-")' },
      any: { partial: { spec: { nodeName: "kind-worker" } } },
      count: { min: 3, max: 3 },
    });
    const ranged = only(`- kind: kubernetes
  select: { apiVersion: v1, kind: Pod, labelSelector: "tier in (web, api)" }
  count: { min: 2, matching: 'status.phase == "Running"' }
`);
    assert.deepEqual(ranged.kind === "kubernetes" && ranged.assertion, {
      form: "select",
      query: { apiVersion: "v1", kind: "Pod", labelSelector: "tier in (web, api)" },
      count: { min: 2, matching: { expr: 'status.phase == "Running"' } },
    });
  });

  it("object + expr: one expression or a list", () => {
    const check = only(`- kind: kubernetes
  object: { apiVersion: v1, kind: Node, name: kind-control-plane }
  expr: 'status.conditions[type="Ready"].status == "True"'
`);
    assert.deepEqual(check.kind === "kubernetes" && check.assertion, {
      form: "expr",
      object: { apiVersion: "v1", kind: "Node", name: "kind-control-plane" },
      expressions: ['status.conditions[type="Ready"].status == "True"'],
    });
  });

  it("keeps script checks and kubernetes checks side by side", () => {
    const { diagnostics, checks } = load(`- kind: script
  run: kubectl get pods
- kind: kubernetes
  object: { apiVersion: v1, kind: Namespace, name: default }
  expr: [has(metadata.name), 'status.phase == "Active"']
`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(checks.map((c) => [c.kind, c.name]), [["script", "Check 1"], ["kubernetes", "Check 2"]]);
  });
});

describe("kubernetes checks: load-time errors", () => {
  it("points into a single-line expression at the offending character", () => {
    assert.deepEqual(load(`- kind: kubernetes
  object: { apiVersion: v1, kind: Pod, name: web }
  expr: "status.phase === 'Running'"
`).diagnostics, ["tiny/lab.yaml:13:31: steps[0].checks[0].expr: unexpected \"=\"; expected a field path, a value or \"(\" (at character 16 of the expression)"]);
  });

  it("points at a block-scalar expression's indicator and says which character", () => {
    assert.deepEqual(load(`- kind: kubernetes
  object: { apiVersion: v1, kind: Pod, name: web }
  expr: >-
    status.phase == "Running" &&
    len(spec.containers) = 1
`).diagnostics, ["tiny/lab.yaml:13:15: steps[0].checks[0].expr: unexpected \"=\"; expected an operator such as && or == (at character 51 of the expression)"]);
  });

  it("explains that an expression condition is a plain string, not a mapping with expr", () => {
    assert.deepEqual(load(`- kind: kubernetes
  select: { apiVersion: v1, kind: Pod, labelSelector: app=web }
  any:
    expr: len(spec.containers) == 1
`).diagnostics, ["tiny/lab.yaml:14:11: steps[0].checks[0].any: a condition that is an expression is written as a plain string (`any: len(spec.containers) == 1`), not under `expr:`"]);
  });

  it("lists kubernetes among the supported kinds", () => {
    assert.deepEqual(load("- kind: kubernets\n").diagnostics, [
      "tiny/lab.yaml:11:15: steps[0].checks[0].kind: unknown check kind `kubernets`; supported kinds: script, kubernetes, container, file, http; did you mean `kubernetes`?",
    ]);
  });

  it("requires a cluster even when everything else is right", () => {
    const { diagnostics } = load(
      `- kind: kubernetes
  object: { apiVersion: v1, kind: Namespace, name: default }
  expr: has(metadata.name)
`,
      "",
    );
    assert.deepEqual(diagnostics, ["tiny/lab.yaml:8:15: steps[0].checks[0].kind: a kubernetes check needs a cluster; add `environment.cluster` to the lab"]);
  });
});
