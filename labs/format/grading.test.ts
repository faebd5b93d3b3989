/**
 * The `grading:` section through the pure pipeline (validate + convert): each action becomes the internal
 * SubmissionAction with hosts and defaults resolved, and every mistake is reported at its line.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertLab } from "./convert";
import { formatDiagnostic } from "./diagnostics";
import type { LabTree } from "./tree";
import { validateLabSource } from "./validate";

const files: LabTree = new Map([["steps/only/index.md", { type: "file", executable: false }]]);
const TWO_HOSTS = "environment:\n  hosts: [{ name: web }, { name: ws }]\n  cluster: {}\n";

function load(grading: string, environment = TWO_HOSTS) {
  const text = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata: { id: tiny, title: Tiny, summary: Small., difficulty: beginner, estimatedMinutes: 1 }
${environment}steps:
  - id: only
    title: Only
grading:
${grading.replace(/^/gm, "  ").trimEnd()}
`;
  const result = validateLabSource({ file: "tiny/lab.yaml", dirName: "tiny", text, tree: files });
  const lab = result.wire && convertLab(result.wire, { dir: "/labs/tiny", tree: files, texts: new Map([["steps/only/index.md", "# Only"]]) });
  return { diagnostics: result.diagnostics.map(formatDiagnostic), grading: lab?.grading };
}

describe("grading: conversion", () => {
  it("resolves every action with its defaults", () => {
    const { diagnostics, grading } = load(`submission:
  - file: ./k8s//web.yaml
    apply: { host: ws, namespace: shop }
  - file: nginx.conf
    copy: { host: web, to: /etc/nginx/nginx.conf }
  - file: run.sh
    copy: { host: web, to: /usr/local/bin/run, mode: "0755" }
  - file: app/Dockerfile
    build: { host: ws, tag: "shop/app:1", context: app }
  - file: Dockerfile
    build: { host: ws, tag: app }
`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(grading, {
      submission: [
        { file: "k8s/web.yaml", action: { kind: "apply", host: "ws", namespace: "shop" } },
        { file: "nginx.conf", action: { kind: "copy", host: "web", to: "/etc/nginx/nginx.conf", mode: 0o644 } },
        { file: "run.sh", action: { kind: "copy", host: "web", to: "/usr/local/bin/run", mode: 0o755 } },
        { file: "app/Dockerfile", action: { kind: "build", host: "ws", tag: "shop/app:1", context: "app" } },
        { file: "Dockerfile", action: { kind: "build", host: "ws", tag: "app", context: "." } },
      ],
    });
  });

  it("implies the host of a one-host lab, and `apply: {}` uses every default", () => {
    const { diagnostics, grading } = load("submission:\n  - file: web.yaml\n    apply: {}\n", "environment:\n  hosts: [{ name: ws }]\n  cluster: {}\n");
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(grading?.submission, [{ file: "web.yaml", action: { kind: "apply", host: "ws" } }]);
  });

  it("labs without grading have none", () => {
    const text = `apiVersion: praxis.dev/v1alpha1\nkind: Lab\nmetadata: { id: tiny, title: Tiny, summary: Small., difficulty: beginner, estimatedMinutes: 1 }\nsteps:\n  - id: only\n    title: Only\n`;
    const result = validateLabSource({ file: "tiny/lab.yaml", dirName: "tiny", text, tree: files });
    assert.equal(convertLab(result.wire!, { dir: "/labs/tiny", tree: files, texts: new Map([["steps/only/index.md", "# Only"]]) }).grading, undefined);
  });
});

describe("grading: errors with file:line", () => {
  it("reports a missing or doubled action, unknown hosts and paths that leave the submission", () => {
    const { diagnostics } = load(`submission:
  - file: a.yaml
  - file: b.yaml
    apply: {}
    copy: { host: web, to: /b.yaml }
  - file: ../secret
    copy: { host: wbe, to: /x }
  - file: c.conf
    copy: { to: /c.conf }
  - file: Dockerfile
    build: { host: ws, tag: App, context: /abs }
`);
    assert.deepEqual(diagnostics, [
      "tiny/lab.yaml:12:7: grading.submission[0]: needs one of `copy`, `apply` or `build` to say what to do with a.yaml",
      "tiny/lab.yaml:14:7: grading.submission[1]: set only one of `copy`, `apply` and `build` (found `copy` and `apply`)",
      "tiny/lab.yaml:14:7: grading.submission[1].apply: `host` is required because the environment has 2 hosts (web, ws)",
      "tiny/lab.yaml:16:13: grading.submission[2].file: must stay inside the submission directory (no '..')",
      "tiny/lab.yaml:17:21: grading.submission[2].copy.host: unknown host `wbe`; hosts are web, ws; did you mean `web`?",
      "tiny/lab.yaml:19:7: grading.submission[3].copy: `host` is required because the environment has 2 hosts (web, ws)",
      "tiny/lab.yaml:21:31: grading.submission[4].build.tag: must be an image name such as `app:1` or `shop/web:latest` (lowercase)",
      "tiny/lab.yaml:21:45: grading.submission[4].build.context: must be relative to the submission directory, not absolute",
    ]);
  });

  it("apply needs a cluster; two copies onto one file and unknown fields are errors", () => {
    const { diagnostics } = load(
      `submission:
  - file: web.yaml
    apply: {}
  - file: a.conf
    copy: { to: /etc/app.conf }
  - file: b.conf
    copy: { to: /etc/app.conf, mdoe: "0644" }
`,
      "environment:\n  hosts: [{ name: ws }]\n",
    );
    assert.deepEqual(diagnostics, [
      "tiny/lab.yaml:12:7: grading.submission[0].apply: `apply` runs kubectl against the lab's cluster; add `environment.cluster` to the lab",
      "tiny/lab.yaml:16:19: grading.submission[2].copy.to: /etc/app.conf is already written by grading.submission[1]",
      "tiny/lab.yaml:16:34: unknown field `mdoe` in grading.submission[2].copy; did you mean `mode`?",
    ]);
  });
});
