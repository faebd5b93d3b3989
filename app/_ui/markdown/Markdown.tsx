/**
 * Renders lab or guide Markdown on the server through the shared pipeline and injects the sanitised HTML.
 * Interactive bits (Mermaid, copy and run buttons) are wired by <MarkdownEnhancer/>, once per page.
 */
import { renderMarkdown, type RenderOptions } from "../../../labs/markdown/index";

export function Markdown({ source, className, ...options }: { source: string; className?: string } & RenderOptions) {
  const { html } = renderMarkdown(source, options);
  return <div className={className ? `prose ${className}` : "prose"} dangerouslySetInnerHTML={{ __html: html }} />;
}
