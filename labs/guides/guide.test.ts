import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkGuideLabs, parseGuide } from "./guide";

const valid = "---\ntitle: eBPF\nsummary: Kernel programs.\ntopic: ebpf\norder: 4\nlabs: [trace-it]\n---\n\n## Why\n";

describe("parseGuide", () => {
  it("parses frontmatter and body into a Guide named after its file", () => {
    const { guide, diagnostics } = parseGuide("content/guides/ebpf.md", valid);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(guide, {
      slug: "ebpf",
      file: "content/guides/ebpf.md",
      title: "eBPF",
      summary: "Kernel programs.",
      topic: "ebpf",
      order: 4,
      labs: ["trace-it"],
      markdown: "\n## Why\n",
    });
  });

  it("defaults labs to an empty list", () => {
    const { guide } = parseGuide("g/wasm.md", "---\ntitle: W\nsummary: S\ntopic: wasm\norder: 1\n---\nbody");
    assert.deepEqual(guide?.labs, []);
  });

  it("reports every frontmatter problem at its file position", () => {
    const text = "---\ntitle: ''\nsummary: ok\ntopic: docker\norder: first\nlabs: []\ncolour: blue\n---\n";
    const { guide, diagnostics } = parseGuide("g/x.md", text);
    assert.equal(guide, undefined);
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`),
      [
        "g/x.md:2:8: title must not be empty",
        "g/x.md:4:8: topic must be one of: containerd, sigstore, buildx, ebpf, wasm, kubernetes-deprecations, runtime-security",
        "g/x.md:5:8: order must be a number",
        'g/x.md:7:1: unknown field "colour"; allowed: title, summary, topic, order, labs',
      ],
    );
  });

  it("reports a missing frontmatter and a missing field", () => {
    assert.match(parseGuide("g/a.md", "# no frontmatter").diagnostics[0]!.message, /must start with YAML frontmatter/);
    const { diagnostics } = parseGuide("g/a.md", "---\ntitle: T\nsummary: S\ntopic: wasm\n---\n");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.message, "order is required");
    assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [2, 1]);
  });

  it("rejects file names that cannot be URL slugs", () => {
    assert.match(parseGuide("g/My Guide.md", valid).diagnostics[0]!.message, /must be lower-case letters/);
  });
});

describe("checkGuideLabs", () => {
  it("flags lab ids that are not loaded", () => {
    const { guide } = parseGuide("g/ebpf.md", valid);
    assert.deepEqual(checkGuideLabs([guide!], new Set(["trace-it"])), []);
    assert.deepEqual(checkGuideLabs([guide!], new Set()), [
      { file: "g/ebpf.md", line: 1, column: 1, message: 'guide lists lab "trace-it", which is not loaded' },
    ]);
  });
});
