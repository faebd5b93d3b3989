/**
 * The "Container checks", "File checks" and "HTTP checks" sections of content/AUTHORING.md are executable:
 * every YAML example validates inside a lab, passes on a host in the state its name describes and fails on
 * one where the task is not done, and each message shown in a `text` block is exactly what the grader prints.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { convertLab } from "../format/convert";
import { formatDiagnostic } from "../format/diagnostics";
import type { Check, ContainerCheck, FileCheck, HttpCheck } from "../format/types";
import { validateLabSource } from "../format/validate";
import { judgeContainer, type ContainerReport } from "./container/index";
import { judgeFile, parseFileReport } from "./file/index";
import { judgeHttp, type HttpReport } from "./http/index";

const markdown = readFileSync(path.resolve(import.meta.dirname, "../../content/AUTHORING.md"), "utf8");

function section(title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  assert.ok(start !== -1, `AUTHORING.md has a "${title}" section`);
  return markdown.slice(start, markdown.indexOf("\n## ", start + 1));
}
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1]!);

function examples<T extends Check>(title: string, kind: T["kind"]): T[] {
  const yaml = blocks(section(title), "yaml");
  assert.ok(yaml.length >= 2 && yaml.every((b) => b.startsWith(`- kind: ${kind}\n`)), "every YAML example is one check");
  const text = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata: { id: docs, title: Docs, summary: Examples., difficulty: beginner, estimatedMinutes: 1 }
environment:
  hosts: [{ name: box }, { name: server }, { name: client }]
steps:
  - id: only
    title: Only
    checks:
${yaml.join("").replace(/^/gm, "      ")}`;
  const tree = new Map([["steps/only/index.md", { type: "file" as const, executable: false }]]);
  const result = validateLabSource({ file: "docs/lab.yaml", dirName: "docs", text, tree });
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  const lab = convertLab(result.wire!, { dir: "/docs", tree, texts: new Map([["steps/only/index.md", "# Docs"]]) });
  return lab.steps[0]!.checks as T[];
}

const shownMessage = (title: string) => blocks(section(title), "text")[0]!.trim();

describe("AUTHORING.md: container checks", () => {
  const [app, nginx] = examples<ContainerCheck>("Container checks", "container");
  const inspect = (user: string, readOnly: boolean): ContainerReport => ({
    sources: {
      inspect: JSON.stringify([{ State: { Running: true }, Config: { User: user }, HostConfig: { ReadonlyRootfs: readOnly, CapDrop: ["ALL"], CapAdd: ["NET_BIND_SERVICE"] } }]),
    },
  });
  const process = (uid: number, capBnd: string): ContainerReport => ({ sources: { status: `Uid:\t${uid}\t${uid}\t${uid}\t${uid}\nCapBnd:\t${capBnd}\n` } });

  it("the examples pass on a confined container and fail otherwise, with the message shown", () => {
    assert.equal(judgeContainer("container app on host box", app!.expect, inspect("1000", true)).passed, true);
    assert.equal(judgeContainer("container app on host box", app!.expect, inspect("", false)).message, shownMessage("Container checks"));
    assert.equal(judgeContainer("process nginx on host box", nginx!.expect, process(101, "0000000000000400")).passed, true);
    assert.equal(judgeContainer("process nginx on host box", nginx!.expect, process(0, "00000000a80425fb")).passed, false);
  });
});

describe("AUTHORING.md: file checks", () => {
  const [config, nginx, key, lock] = examples<FileCheck>("File checks", "file");
  const present = (content: string, mode = "644", owner = "root|root") => parseFileReport(`@@praxis:stat@@\nregular file|${mode}|0|0|${owner}|${content.length}\n@@praxis:content@@\n${content}`, 1 << 20);
  const absent = parseFileReport("@@praxis:stat@@\nabsent\n", 1 << 20);
  const grade = (check: FileCheck, report: ReturnType<typeof parseFileReport>) => judgeFile(check.path, check.expect, report);

  it("the examples pass when the task is done and fail otherwise, with the message shown", () => {
    assert.equal(grade(config!, present("server:\n  port: 8080\n  host: 0.0.0.0\n")).passed, true);
    assert.equal(grade(config!, present("server:\n  port: 80\n")).message, shownMessage("File checks"));
    assert.equal(grade(nginx!, present("server {\n    listen 8080;\n    server_name shop.example;\n}\n")).passed, true);
    assert.equal(grade(nginx!, present("server {\n    listen 80;\n    server_name shop.example;\n}\n")).passed, false);
    assert.equal(grade(key!, present("k", "600", "app|app")).passed, true);
    assert.equal(grade(key!, present("k", "644", "app|app")).passed, false);
    assert.equal(grade(lock!, absent).passed, true);
    assert.equal(grade(lock!, present("")).passed, false);
  });
});

describe("AUTHORING.md: HTTP checks", () => {
  const [health, create] = examples<HttpCheck>("HTTP checks", "http");
  const response = (status: number, body: string, headers: [string, string][] = []): HttpReport => ({ response: { status, headers, body, truncated: false } });
  const grade = (check: HttpCheck, report: HttpReport) => judgeHttp(check.request, check.expect, report);

  it("the examples pass on a working service and fail otherwise, with the message shown", () => {
    assert.equal(grade(health!, response(200, '{"status": "ok", "uptime": 3}')).passed, true);
    assert.equal(grade(health!, response(503, "starting")).message, shownMessage("HTTP checks"));
    assert.equal(grade(create!, response(201, '{"id": 1, "name": "apple"}', [["content-type", "application/json"]])).passed, true);
    assert.equal(grade(create!, response(201, '{"id": 1, "name": "apple"}', [["content-type", "application/json"], ["x-powered-by", "Express"]])).passed, false);
    assert.equal(create!.request.body, '{"name": "apple"}');
  });
});
