import assert from "node:assert/strict";
import { describe, it } from "node:test";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import type { Root } from "hast";
import { renderMarkdown } from "./render";
import { sanitizeSchema } from "./sanitize-schema";

const html = (md: string) => renderMarkdown(md).html;

describe("renderMarkdown: GitHub-flavoured Markdown", () => {
  it("renders tables", () => {
    const out = html("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert.match(out, /<table>\s*<thead>\s*<tr>\s*<th>a<\/th>\s*<th>b<\/th>/);
    assert.match(out, /<td>1<\/td>\s*<td>2<\/td>/);
  });

  it("renders task lists as disabled checkboxes", () => {
    const out = html("- [x] done\n- [ ] todo\n");
    assert.match(out, /<li class="task-list-item"><input type="checkbox" checked disabled> done<\/li>/);
    assert.match(out, /<li class="task-list-item"><input type="checkbox" disabled> todo<\/li>/);
  });

  it("renders strikethrough and autolinks", () => {
    const out = html("~~old~~ see https://praxis.dev/docs\n");
    assert.match(out, /<del>old<\/del>/);
    assert.match(out, /<a href="https:\/\/praxis.dev\/docs">https:\/\/praxis.dev\/docs<\/a>/);
  });

  it("gives headings slug ids, with an optional prefix", () => {
    assert.match(html("## Inspect the cgroup\n"), /<h2 id="inspect-the-cgroup">/);
    assert.match(renderMarkdown("## Verify\n", { idPrefix: "step-2-" }).html, /<h2 id="step-2-verify">Verify<\/h2>/);
  });

  it("shifts headings down so a fragment starts at minHeadingLevel, keeping relative levels", () => {
    const out = renderMarkdown("# Top\n\n### Deep\n", { minHeadingLevel: 3 }).html;
    assert.match(out, /<h3 id="top">Top<\/h3>/);
    assert.match(out, /<h5 id="deep">Deep<\/h5>/);
    assert.match(renderMarkdown("## Already low\n", { minHeadingLevel: 2 }).html, /<h2 /);
  });

  it("drops a leading heading that repeats the page title, and only that", () => {
    assert.equal(renderMarkdown("# A  process tree\n\nText.\n", { omitLeadingTitle: "a process tree" }).html, "<p>Text.</p>");
    assert.match(renderMarkdown("# Other\n\nText.\n", { omitLeadingTitle: "A process tree" }).html, /<h1 id="other">/);
    assert.match(renderMarkdown("Intro.\n\n# A process tree\n", { omitLeadingTitle: "A process tree" }).html, /<h1 /);
  });

  it("keeps footnote links and targets consistent", () => {
    const out = html("Claim[^1]\n\n[^1]: Source\n");
    assert.match(out, /href="#user-content-fn-1"/);
    assert.match(out, /<li id="user-content-fn-1">/);
  });
});

describe("renderMarkdown: code blocks", () => {
  it("wraps every fenced block with a language label and a copy button", () => {
    const out = html("```yaml\nkey: value\n```\n");
    assert.equal(
      out,
      '<div class="code-block" data-code-block=""><div class="code-bar"><span class="code-lang">yaml</span>' +
        '<button type="button" class="code-copy" data-copy-button="" title="Copy to the clipboard">Copy</button></div>' +
        '<pre tabindex="0"><code class="language-yaml">key: value</code></pre></div>',
    );
  });

  it("labels a block without language as text and escapes its content", () => {
    const out = html("```\n<b>&</b>\n```\n");
    assert.match(out, /<span class="code-lang">text<\/span>/);
    assert.match(out, /<code>&#x3C;b>&#x26;&#x3C;\/b><\/code>/);
  });

  it("turns ```mermaid fences into a diagram container that keeps the source", () => {
    const out = html("```mermaid\nflowchart LR\n  A --> B\n```\n");
    assert.equal(
      out,
      '<div class="mermaid-diagram" data-mermaid=""><pre class="mermaid-source"><code>flowchart LR\n  A --> B</code></pre></div>',
    );
    assert.doesNotMatch(out, /data-copy-button/);
  });
});

describe("renderMarkdown: run-in-terminal blocks", () => {
  const execBlock = (command: string) =>
    `<div class="code-block code-block-exec" data-code-block="" data-run="exec" data-command="${command}">`;

  it("maps ```bash exec to a run block with Run and Copy buttons", () => {
    const out = html("```bash exec\nps aux\n```\n");
    assert.ok(out.startsWith(execBlock("ps aux")), out);
    assert.match(out, /<button type="button" class="code-run" data-run-button="" title="Run in the terminal">Run<\/button>/);
    assert.match(out, /data-copy-button/);
  });

  it("maps ```bash copy to a copy block without a Run button", () => {
    const out = html("```bash copy\nexport A=1\n```\n");
    assert.match(out, /^<div class="code-block code-block-copy" data-code-block="" data-run="copy" data-command="export A=1">/);
    assert.doesNotMatch(out, /data-run-button/);
  });

  it("maps a fenced block followed by a {{exec}} paragraph to the same markup", () => {
    const out = html("```bash\nps aux\n```\n{{exec}}\n");
    assert.ok(out.startsWith(execBlock("ps aux")), out);
    assert.doesNotMatch(out, /\{\{exec\}\}/);
  });

  it("maps Killercoda's closing-fence marker ```{{exec}} and keeps later content outside the block", () => {
    const out = html("```plain\nuname -r\n```{{exec}}\n\nAfter the block.\n");
    assert.ok(out.startsWith(execBlock("uname -r")), out);
    assert.match(out, /<\/div>\n<p>After the block.<\/p>$/);
  });

  it("leaves a marker shown inside a longer example fence untouched", () => {
    const out = html("````markdown\n```bash\nls\n```{{exec}}\n````\n");
    assert.match(out, /<code class="language-markdown">```bash\nls\n```\{\{exec\}\}<\/code>/);
  });

  it("maps inline `cmd`{{exec}} and `cmd`{{copy}} to run buttons", () => {
    const out = html("Try `ls -la`{{exec}} or `pwd`{{copy}}.\n");
    assert.equal(
      out,
      '<p>Try <button type="button" class="run-inline run-inline-exec" data-run="exec" data-command="ls -la" ' +
        'title="Run in the terminal"><code>ls -la</code></button> or <button type="button" class="run-inline ' +
        'run-inline-copy" data-run="copy" data-command="pwd" title="Copy to the clipboard"><code>pwd</code></button>.</p>',
    );
  });

  it("escapes quotes in data-command so the attribute cannot be broken out of", () => {
    const out = html('```bash exec\necho "<x>" > f\n```\n');
    assert.match(out, /data-command="echo &#x22;<x>&#x22; > f">/);
  });

  it("reports a stray {{exec}} that follows no code", () => {
    const { html: out, diagnostics } = renderMarkdown("Some text.\n\n{{exec}}\n");
    assert.match(out, /<p>\{\{exec\}\}<\/p>/);
    assert.deepEqual(diagnostics, [
      { line: 3, column: 1, message: "{{exec}} must follow a fenced code block or inline code; it was left as text" },
    ]);
  });
});

describe("renderMarkdown: admonitions", () => {
  for (const [marker, kind, title] of [
    ["NOTE", "note", "Note"],
    ["TIP", "tip", "Tip"],
    ["IMPORTANT", "important", "Important"],
    ["WARNING", "warning", "Warning"],
    ["CAUTION", "caution", "Caution"],
  ] as const) {
    it(`renders > [!${marker}] as an accessible ${kind} callout`, () => {
      const out = html(`> [!${marker}]\n> Mind the **gap**.\n`);
      assert.equal(
        out,
        `<div class="callout callout-${kind}" role="note" data-callout="${kind}">\n` +
          `<p class="callout-title">${title}</p>\n<p>Mind the <strong>gap</strong>.</p>\n</div>`,
      );
    });
  }

  it("handles a marker followed by a blank quoted line", () => {
    const out = html("> [!TIP]\n>\n> First.\n>\n> Second.\n");
    assert.match(out, /<p class="callout-title">Tip<\/p>\n<p>First.<\/p>\n<p>Second.<\/p>/);
  });

  it("leaves ordinary blockquotes alone", () => {
    assert.equal(html("> just a quote\n"), "<blockquote>\n<p>just a quote</p>\n</blockquote>");
  });

  it("keeps an unknown kind as a blockquote and reports where it is", () => {
    const { html: out, diagnostics } = renderMarkdown("Intro.\n\n> [!DANGER]\n> Hot.\n");
    assert.match(out, /<blockquote>\n<p>\[!DANGER\]\nHot.<\/p>/);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.line, 3);
    assert.equal(diagnostics[0]!.column, 3);
    assert.match(diagnostics[0]!.message, /unknown admonition \[!DANGER\]; use one of \[!NOTE\]/);
  });
});

describe("renderMarkdown: sanitising", () => {
  it("drops raw <script> and elements with on* handlers", () => {
    const out = html('Hi\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n<a onclick="x()">y</a>\n');
    assert.doesNotMatch(out, /<script/i);
    assert.doesNotMatch(out, /onerror|onclick/i);
    assert.match(out, /<p>Hi<\/p>/);
  });

  it("removes javascript: URLs from links", () => {
    const out = html("[click](javascript:alert(1))\n");
    assert.doesNotMatch(out, /javascript:/);
    assert.match(out, /<a>click<\/a>/);
  });

  it("the schema itself strips scripts, handlers and unknown data attributes a plugin might add", () => {
    const tree: Root = {
      type: "root",
      children: [
        { type: "element", tagName: "script", properties: {}, children: [{ type: "text", value: "alert(1)" }] },
        {
          type: "element",
          tagName: "button",
          properties: { type: "submit", onClick: "alert(1)", dataRun: "exec", dataEvil: "1", className: ["code-copy", "x"] },
          children: [{ type: "text", value: "Go" }],
        },
        {
          type: "element",
          tagName: "div",
          properties: { role: "alert", dataCallout: "note", style: "color:red" },
          children: [],
        },
      ],
    };
    const processor = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);
    const out = processor.stringify(processor.runSync(tree) as Root);
    assert.equal(out, '<button data-run="exec" class="code-copy">Go</button><div data-callout="note"></div>');
  });
});
