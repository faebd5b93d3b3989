/**
 * The complete example in content/AUTHORING.md must be a valid lab: this test extracts the one fenced YAML
 * block that starts a lab (`apiVersion:`), creates stub files for everything it references, and loads it.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { formatDiagnostic, loadLab } from "../index";

const AUTHORING = path.resolve(import.meta.dirname, "../../content/AUTHORING.md");

async function exampleLab(): Promise<string> {
  const markdown = await readFile(AUTHORING, "utf8");
  const blocks = [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((b) => /^apiVersion:/m.test(b));
  assert.equal(blocks.length, 1, "AUTHORING.md should contain exactly one complete lab.yaml example");
  return blocks[0]!;
}

/** Paths the example references, found by field name, plus each step's default instructions. */
function referencedFiles(lab: unknown): { files: string[]; dirs: string[] } {
  const files = new Set<string>();
  const dirs = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
    if (typeof value !== "object" || value === null) {
      if (typeof value === "string" && ["script", "instructions", "solution", "intro", "finish"].includes(key ?? "")) files.add(value);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.source === "string") (record.source.includes(".") ? files : dirs).add(record.source);
    if (typeof record.id === "string" && "title" in record && !("instructions" in record) && key === "steps") {
      files.add(`steps/${record.id}/index.md`);
    }
    for (const [k, v] of Object.entries(record)) visit(v, k);
  };
  visit(lab);
  return { files: [...files], dirs: [...dirs] };
}

describe("AUTHORING.md example", () => {
  it("is a valid lab that uses every part of the format", async () => {
    const text = await exampleLab();
    const data = parse(text) as { metadata: { id: string } };
    const root = await mkdtemp(path.join(tmpdir(), "praxis-authoring-"));
    const dir = path.join(root, data.metadata.id);
    try {
      const { files, dirs } = referencedFiles(data);
      for (const rel of files) {
        await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await writeFile(path.join(dir, rel), rel.endsWith(".md") ? "# Stub\n" : "#!/usr/bin/env bash\ntrue\n");
      }
      for (const rel of dirs) {
        await mkdir(path.join(dir, rel), { recursive: true });
        await writeFile(path.join(dir, rel, "index.html"), "<title>stub</title>\n");
      }
      await writeFile(path.join(dir, "lab.yaml"), text);

      const { lab, diagnostics } = await loadLab(dir);
      assert.deepEqual(diagnostics.map(formatDiagnostic), []);
      assert.ok(lab);
      assert.equal(lab.environment.hosts.length, 2);
      assert.ok(lab.environment.cluster);
      assert.ok(lab.intro && lab.finish);
      const [serve, cluster] = lab.steps;
      assert.ok(serve?.setup.length && serve.checks.length === 2 && serve.solve && serve.hints.length && serve.solution);
      assert.equal(cluster?.instructions.path, "steps/cluster/index.md");
      assert.deepEqual(lab.environment.hosts[0]?.files.map((f) => f.target), ["/srv/site/index.html", "/usr/local/bin/serve"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
