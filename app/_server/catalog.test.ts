import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Lab } from "../../labs/index";
import { findGuide, findLab, guidesForLab, labsForGuide, loadSiteCatalog, sortLabs, type SiteCatalog } from "./catalog";
import { parseSiteConfig } from "./config";

const REPO = path.resolve(import.meta.dirname, "..", "..");

function guide(slug: string, topic: string, labs: string[]): [string, string] {
  return [`${slug}.md`, `---\ntitle: ${slug}\nsummary: s\ntopic: ${topic}\norder: 1\nlabs: [${labs.join(", ")}]\n---\nBody\n`];
}

describe("loadSiteCatalog", () => {
  let root: string;
  let catalog: SiteCatalog;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "praxis-site-"));
    await cp(path.join(REPO, "content", "labs", "first-container"), path.join(root, "labs", "first-container"), { recursive: true });
    await mkdir(path.join(root, "labs", "broken"), { recursive: true });
    await writeFile(path.join(root, "labs", "broken", "lab.yaml"), "apiVersion: praxis.dev/v1alpha1\nkind: Lab\nmetadata: [\n");
    await mkdir(path.join(root, "guides"));
    for (const [name, text] of [
      guide("about-wasm", "wasm", ["first-container"]),
      guide("about-ebpf", "ebpf", ["missing-lab"]),
    ]) {
      await writeFile(path.join(root, "guides", name), text);
    }
    const config = parseSiteConfig({ PRAXIS_LABS_DIRS: "labs", PRAXIS_GUIDES_DIR: "guides" }, root);
    catalog = await loadSiteCatalog(config);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it("serves the valid lab while reporting the broken one with a repository-relative path", () => {
    assert.deepEqual(catalog.labs.map((l) => l.metadata.id), ["first-container"]);
    const files = new Set(catalog.diagnostics.map((d) => d.file));
    assert.ok(files.has(path.join("labs", "broken", "lab.yaml")), JSON.stringify(catalog.diagnostics));
    assert.ok(catalog.diagnostics.every((d) => !path.isAbsolute(d.file)));
  });

  it("reports a guide that lists a lab that is not loaded", () => {
    assert.ok(
      catalog.diagnostics.some(
        (d) => d.file === path.join("guides", "about-ebpf.md") && d.message === 'guide lists lab "missing-lab", which is not loaded',
      ),
    );
  });

  it("links labs and guides both ways", () => {
    const lab = findLab(catalog, "first-container")!;
    assert.deepEqual(guidesForLab(catalog, lab).map((g) => g.slug), ["about-wasm"]);
    assert.deepEqual(labsForGuide(catalog, findGuide(catalog, "about-wasm")!).map((l) => l.metadata.id), ["first-container"]);
    assert.deepEqual(labsForGuide(catalog, findGuide(catalog, "about-ebpf")!), []);
    assert.equal(findLab(catalog, "nope"), undefined);
  });
});

describe("sortLabs", () => {
  function lab(title: string, difficulty: Lab["metadata"]["difficulty"]): Lab {
    const id = title.toLowerCase().replace(/\W+/g, "-");
    return {
      apiVersion: "praxis.dev/v1alpha1",
      dir: `/labs/${id}`,
      metadata: { id, title, summary: "", topics: [], difficulty, estimatedMinutes: 10, prerequisites: [] },
      environment: { hosts: [] },
      steps: [],
    };
  }

  it("puts beginner labs first, then intermediate, then advanced, by title within a level", () => {
    const labs = [lab("Advanced A", "advanced"), lab("Zeta basics", "beginner"), lab("Middle", "intermediate"), lab("Alpha basics", "beginner")];
    assert.deepEqual(sortLabs(labs).map((l) => l.metadata.title), ["Alpha basics", "Zeta basics", "Middle", "Advanced A"]);
    assert.equal(labs[0]!.metadata.title, "Advanced A", "the input is left as it was");
  });
});

describe("parseSiteConfig", () => {
  it("defaults to the repository's content directories and freezes the result", () => {
    const config = parseSiteConfig({}, "/repo");
    assert.deepEqual(config.labDirs, ["/repo/content/labs"]);
    assert.equal(config.guidesDir, "/repo/content/guides");
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.labDirs));
  });

  it("resolves configured directories against the repository root", () => {
    const config = parseSiteConfig({ PRAXIS_LABS_DIRS: `a${path.delimiter}/abs/b`, PRAXIS_GUIDES_DIR: "docs/guides" }, "/repo");
    assert.deepEqual(config.labDirs, ["/repo/a", "/abs/b"]);
    assert.equal(config.guidesDir, "/repo/docs/guides");
  });
});
