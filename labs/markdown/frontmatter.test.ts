import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFrontmatter } from "./frontmatter";

describe("parseFrontmatter", () => {
  it("splits YAML data from the body and reports where the body starts", () => {
    const fm = parseFrontmatter("---\ntitle: Hello\norder: 2\nlabs: []\n---\n# Body\n\ntext\n");
    assert.equal(fm.present, true);
    assert.deepEqual(fm.data, { title: "Hello", order: 2, labs: [] });
    assert.equal(fm.body, "# Body\n\ntext\n");
    assert.equal(fm.bodyLine, 6);
    assert.deepEqual(fm.errors, []);
  });

  it("treats a file without a leading --- as body only", () => {
    const fm = parseFrontmatter("# Just text\n---\n");
    assert.equal(fm.present, false);
    assert.equal(fm.data, undefined);
    assert.equal(fm.body, "# Just text\n---\n");
  });

  it("points positionOf at the value in file coordinates, falling back to the nearest parent", () => {
    const fm = parseFrontmatter("---\ntitle: Hello\nlabs:\n  - one\n  - two\n---\nbody\n");
    assert.deepEqual(fm.positionOf(["title"]), { line: 2, column: 8 });
    assert.deepEqual(fm.positionOf(["labs", 1]), { line: 5, column: 5 });
    assert.deepEqual(fm.positionOf(["missing", "deeper"]), { line: 2, column: 1 });
    assert.deepEqual(fm.keyPositionOf(["labs"]), { line: 3, column: 1 });
  });

  it("reports YAML syntax errors with file line and column", () => {
    const fm = parseFrontmatter("---\ntitle: ok\nsummary: [unclosed\n---\nbody\n");
    assert.equal(fm.data, undefined);
    assert.ok(fm.errors.length > 0);
    assert.equal(fm.errors[0]!.line >= 3, true, JSON.stringify(fm.errors));
  });

  it("reports an unclosed frontmatter block", () => {
    const fm = parseFrontmatter("---\ntitle: x\n");
    assert.deepEqual(fm.errors, [
      { line: 1, column: 1, message: "frontmatter starting with `---` is never closed by a `---` line" },
    ]);
  });

  it("accepts CRLF line endings", () => {
    const fm = parseFrontmatter("---\r\ntitle: Win\r\n---\r\nbody\r\n");
    assert.deepEqual(fm.data, { title: "Win" });
    assert.equal(fm.body, "body\r\n");
  });
});
