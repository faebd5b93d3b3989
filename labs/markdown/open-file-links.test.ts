/** `editor:` links: parsed into path, host and line; rendered as sanitised open-file buttons; bad ones reported. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseEditorUrl } from "./open-file-links";
import { renderMarkdown } from "./render";

describe("parseEditorUrl", () => {
  it("reads a path, an optional host and an optional line", () => {
    assert.deepEqual(parseEditorUrl("editor:/root/app.py"), { path: "/root/app.py" });
    assert.deepEqual(parseEditorUrl("editor:/root/app.py#L12"), { path: "/root/app.py", line: 12 });
    assert.deepEqual(parseEditorUrl("editor://web/etc/nginx/nginx.conf#L3"), { path: "/etc/nginx/nginx.conf", host: "web", line: 3 });
    assert.deepEqual(parseEditorUrl("editor:/root/my%20notes.txt"), { path: "/root/my notes.txt" });
  });

  it("says what is wrong with a malformed destination", () => {
    assert.match(parseEditorUrl("editor:root/app.py") as string, /must be absolute/);
    assert.match(parseEditorUrl("editor:/root/app.py#12") as string, /#L12/);
    assert.match(parseEditorUrl("editor:/root/../etc/shadow") as string, /\.\./);
    assert.match(parseEditorUrl("editor://Bad_Host/x") as string, /not a host name/);
  });
});

describe("renderMarkdown: editor links", () => {
  it("renders a button with the target as data attributes and no href", () => {
    const { html, diagnostics } = renderMarkdown("Edit [`config.yaml`](editor://web/root/config.yaml#L7) now.\n");
    assert.deepEqual(diagnostics, []);
    assert.match(html, /<button type="button" class="open-file" data-open-file="\/root\/config.yaml" data-host="web" data-line="7" title="Open \/root\/config.yaml at line 7 in the editor"><code>config.yaml<\/code><\/button>/);
    assert.doesNotMatch(html, /href="editor:/);
  });

  it("keeps the text of a malformed link and reports it with its position", () => {
    const { html, diagnostics } = renderMarkdown("Intro.\n\nSee [the file](editor:relative.txt) here.\n");
    assert.match(html, /<p>See the file here.<\/p>/);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [3, 5]);
    assert.match(diagnostics[0]!.message, /^editor link: the path must be absolute/);
  });

  it("leaves ordinary links alone", () => {
    assert.match(renderMarkdown("[docs](https://praxis.dev)\n").html, /<a href="https:\/\/praxis.dev">docs<\/a>/);
  });
});
