/**
 * renderMarkdown: the one Markdown -> HTML pipeline for lab pages and guides. GitHub-flavoured Markdown, our
 * code-block/run-block/Mermaid markup, GitHub-style admonitions, a strict sanitiser, then heading ids. Pure (no
 * node:*), synchronous, and deterministic, so it runs in Node, the browser and tests alike.
 */
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { remarkAdmonitions } from "./admonitions";
import { codeToHast } from "./code-blocks";
import { extractFenceMarkers } from "./fence-markers";
import { rehypeMinHeading } from "./headings";
import { remarkOmitLeadingTitle } from "./leading-title";
import { remarkOpenFileLinks } from "./open-file-links";
import { remarkRunBlocks } from "./run-blocks";
import { sanitizeSchema } from "./sanitize-schema";
import type { MarkdownDiagnostic, RenderOptions, RenderResult } from "./types";

export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  const diagnostics: MarkdownDiagnostic[] = [];
  const { markdown: source, closingLines } = extractFenceMarkers(markdown);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkOmitLeadingTitle(options.omitLeadingTitle))
    .use(remarkRunBlocks(closingLines, diagnostics))
    .use(remarkAdmonitions(diagnostics))
    .use(remarkOpenFileLinks(diagnostics))
    .use(remarkRehype, { handlers: { code: (_state, node) => codeToHast(node) } })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeMinHeading(options.minHeadingLevel ?? 1))
    .use(rehypeSlug, { prefix: options.idPrefix ?? "" })
    .use(rehypeStringify);
  const html = String(processor.processSync(source));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { html, diagnostics };
}
