import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadGuides } from "./load";

describe("loadGuides", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-guides-"));
    const guide = (title: string, order: number) =>
      `---\ntitle: ${title}\nsummary: s\ntopic: wasm\norder: ${order}\nlabs: []\n---\nBody of ${title}\n`;
    await writeFile(path.join(dir, "second.md"), guide("Second", 2));
    await writeFile(path.join(dir, "first.md"), guide("First", 1));
    await writeFile(path.join(dir, "broken.md"), "---\ntitle: Broken\n---\n");
    await writeFile(path.join(dir, "notes.txt"), "not a guide");
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("loads valid guides in order and reports the invalid ones", async () => {
    const { guides, diagnostics } = await loadGuides(dir);
    assert.deepEqual(guides.map((g) => g.slug), ["first", "second"]);
    assert.equal(guides[0]!.markdown, "Body of First\n");
    assert.ok(diagnostics.length >= 1);
    assert.ok(diagnostics.every((d) => d.file === path.join(dir, "broken.md")));
  });

  it("treats a missing directory as no guides", async () => {
    assert.deepEqual(await loadGuides(path.join(dir, "nope")), { guides: [], diagnostics: [] });
  });
});
