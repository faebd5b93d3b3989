/**
 * Public API of the Markdown pipeline: render lab/guide Markdown to sanitised HTML and split YAML frontmatter.
 * Pure: safe to import from the browser, the runner and the CLI.
 */
export { renderMarkdown } from "./render";
export { parseFrontmatter } from "./frontmatter";
export type { Frontmatter, FrontmatterError } from "./frontmatter";
export { CALLOUT_KINDS } from "./admonitions";
export { parseEditorUrl } from "./open-file-links";
export type { EditorTarget } from "./open-file-links";
export type { CalloutKind } from "./admonitions";
export { MARKUP } from "./types";
export type { MarkdownDiagnostic, RenderOptions, RenderResult, RunMode } from "./types";
