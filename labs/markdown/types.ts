/**
 * Public types of the Markdown pipeline. Kept apart from the implementation so UI code and the lab player can
 * import the markup contract (run modes, data attributes) without pulling in unified.
 */

/** How a run-in-terminal block behaves: `exec` sends the command to the terminal, `copy` only copies it. */
export type RunMode = "exec" | "copy";

/** A problem in an author's Markdown that still rendered (e.g. an unknown admonition kind). 1-based positions. */
export interface MarkdownDiagnostic {
  line: number;
  column: number;
  message: string;
}

export interface RenderOptions {
  /**
   * The smallest heading level the fragment may use. When a page already has an h1 and an h2 around the
   * fragment (a lab step), passing 3 shifts the author's `#` down to h3 so the outline stays in order.
   */
  minHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Prefix for heading ids so several fragments on one page cannot produce duplicate ids. */
  idPrefix?: string;
  /** When the Markdown starts with a heading equal to this text (the page shows it already), drop it. */
  omitLeadingTitle?: string;
}

export interface RenderResult {
  /** Sanitised HTML, safe to inject with dangerouslySetInnerHTML. */
  html: string;
  diagnostics: MarkdownDiagnostic[];
}

/**
 * The data attributes the renderer emits; the browser enhancer and the lab player select on these, so they are
 * spelled once here.
 */
export const MARKUP = {
  codeBlock: "data-code-block",
  copyButton: "data-copy-button",
  runButton: "data-run-button",
  run: "data-run",
  command: "data-command",
  mermaid: "data-mermaid",
  callout: "data-callout",
  /** `editor:` links (open-file-links.ts): the path, with optional data-host and data-line. */
  openFile: "data-open-file",
} as const;
