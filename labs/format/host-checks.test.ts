/**
 * `container`, `file` and `http` checks and host `ports` through the pure pipeline (validate + convert):
 * each YAML form becomes the internal check with its defaults, and the one-host default applies.
 * Malformed cases live in test/fixtures/labs (container-check-rules, file-check-rules, …).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertLab } from "./convert";
import { formatDiagnostic } from "./diagnostics";
import type { LabTree } from "./tree";
import type { Check, Lab } from "./types";
import { validateLabSource } from "./validate";

const files: LabTree = new Map([["steps/only/index.md", { type: "file", executable: false }]]);

function load(checks: string, environment = "environment:\n  hosts: [{ name: box }]\n"): { diagnostics: string[]; lab?: Lab } {
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
  return { diagnostics: result.diagnostics.map(formatDiagnostic), ...(lab && { lab }) };
}

function only(checks: string): Check {
  const { diagnostics, lab } = load(checks);
  assert.deepEqual(diagnostics, []);
  assert.equal(lab?.steps[0]?.checks.length, 1);
  return lab!.steps[0]!.checks[0]!;
}

describe("container checks: conversion", () => {
  it("the host itself by default; user as text; capabilities with both lists", () => {
    assert.deepEqual(
      only(`- kind: container
  expect:
    readOnlyRootfs: true
    user: 1000
    capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }
`),
      {
        kind: "container",
        name: "Check 1",
        host: "box",
        subject: { kind: "host" },
        expect: { readOnlyRootfs: true, user: "1000", capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] } },
        timeoutMs: 10_000,
        intervalMs: 1000,
        weight: 1,
      },
    );
  });

  it("names a container inside the host or a process", () => {
    const nested = only("- kind: container\n  container: app\n  expect: { running: true, env: { DEBUG: null } }\n  timeout: 1m\n  interval: 5s\n  weight: 3\n");
    assert.deepEqual(nested.kind === "container" && [nested.subject, nested.expect, nested.timeoutMs, nested.intervalMs, nested.weight], [
      { kind: "container", name: "app" }, { running: true, env: { DEBUG: null } }, 60_000, 5000, 3,
    ]);
    const process = only("- kind: container\n  process: nginx\n  expect: { runAsNonRoot: true, capabilities: { drop: [NET_RAW] } }\n");
    assert.deepEqual(process.kind === "container" && [process.subject, process.expect], [
      { kind: "process", name: "nginx" }, { runAsNonRoot: true, capabilities: { add: [], drop: ["NET_RAW"] } },
    ]);
  });
});

describe("file checks: conversion", () => {
  it("exists by default; one text or a list; yaml with a partial document; mode and owner", () => {
    assert.deepEqual(
      only(`- kind: file
  name: the app listens on 8080
  path: /etc/app.yaml
  contains: "port:"
  matches: ['^server:$', 'port: \\d+']
  yaml: { server: { port: 8080 } }
  mode: "0640"
  owner: root:app
`),
      {
        kind: "file",
        name: "the app listens on 8080",
        host: "box",
        path: "/etc/app.yaml",
        expect: {
          exists: true,
          mode: 0o640,
          owner: { user: "root", group: "app" },
          contains: ["port:"],
          matches: ["^server:$", "port: \\d+"],
          parsed: { format: "yaml", partial: { server: { port: 8080 } } },
        },
        timeoutMs: 10_000,
        intervalMs: 1000,
        weight: 1,
      },
    );
  });

  it("absence, a directory, valid JSON, a group-only owner", () => {
    const absent = only("- kind: file\n  path: /tmp/lock\n  exists: false\n");
    assert.deepEqual(absent.kind === "file" && absent.expect, { exists: false, contains: [], matches: [] });
    const json = only("- kind: file\n  path: /srv/data.json\n  type: file\n  json: true\n  owner: ':www-data'\n");
    assert.deepEqual(json.kind === "file" && json.expect, { exists: true, type: "file", owner: { group: "www-data" }, contains: [], matches: [], parsed: { format: "json" } });
  });
});

describe("http checks: conversion", () => {
  it("GET, any 2xx, 5s per request by default", () => {
    assert.deepEqual(only("- kind: http\n  url: http://localhost:8080/\n"), {
      kind: "http",
      name: "Check 1",
      host: "box",
      request: { method: "GET", url: "http://localhost:8080/", headers: {}, timeoutMs: 5000 },
      expect: { status: [], contains: [], matches: [], headers: {} },
      timeoutMs: 10_000,
      intervalMs: 1000,
      weight: 1,
    });
  });

  it("a POST with headers, a body and every kind of expectation", () => {
    const check = only(`- kind: http
  url: https://api.example/items?x=1
  method: POST
  headers: { Content-Type: application/json }
  body: '{"name": "a"}'
  requestTimeout: 2s
  timeout: 30s
  expect:
    status: [200, 201]
    contains: created
    json: { name: a }
    headers: { Location: /items/, X-Powered-By: null }
`);
    assert.deepEqual(check.kind === "http" && [check.request, check.expect], [
      { method: "POST", url: "https://api.example/items?x=1", headers: { "Content-Type": "application/json" }, body: '{"name": "a"}', timeoutMs: 2000 },
      { status: [200, 201], contains: ["created"], matches: [], json: { partial: { name: "a" } }, headers: { Location: "/items/", "X-Powered-By": null } },
    ]);
    const valid = only("- kind: http\n  url: http://web/\n  expect: { status: 204, json: true }\n");
    assert.deepEqual(valid.kind === "http" && valid.expect, { status: [204], contains: [], matches: [], json: {}, headers: {} });
  });

  it("requires a host when there are several, like script checks", () => {
    const { diagnostics } = load("- kind: http\n  url: http://web/\n", "environment:\n  hosts: [{ name: web }, { name: client }]\n");
    assert.deepEqual(diagnostics, ["tiny/lab.yaml:10:9: steps[0].checks[0]: `host` is required because the environment has 2 hosts (web, client)"]);
  });
});

describe("host ports", () => {
  it("become the host's web services, path / by default", () => {
    const { diagnostics, lab } = load(
      "- kind: http\n  url: http://localhost:8080/\n",
      "environment:\n  hosts:\n    - name: box\n      ports: [{ port: 8080, name: Web app }, { port: 9000, name: Admin, path: /admin }]\n",
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(lab?.environment.hosts[0]?.ports, [
      { port: 8080, name: "Web app", path: "/" },
      { port: 9000, name: "Admin", path: "/admin" },
    ]);
  });
});
