/** The in-host report format: named sections, the tail section taken verbatim. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSections } from "./sections";

describe("parseSections", () => {
  it("splits named sections and keeps the tail verbatim", () => {
    const output = "@@praxis:stat@@\nfile|644\n@@praxis:content@@\nline 1\n@@praxis:stat@@\nnot a marker here\n";
    const sections = parseSections(output, "content");
    assert.equal(sections.get("stat"), "file|644");
    assert.equal(sections.get("content"), "line 1\n@@praxis:stat@@\nnot a marker here\n");
  });

  it("keeps empty sections and ignores text before the first marker", () => {
    const sections = parseSections("noise\n@@praxis:missing@@\n\n@@praxis:environ@@\nA=1\0B=2");
    assert.equal(sections.get("missing"), "");
    assert.equal(sections.get("environ"), "A=1\0B=2");
    assert.equal(sections.has("noise"), false);
  });
});
