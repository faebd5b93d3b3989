/** The lab's prerequisites, each a line of Markdown (so authors can link or use `code`). */
import { renderMarkdown } from "../../../labs/markdown/index";

export function Prerequisites({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="prerequisites-title">
      <h2 id="prerequisites-title" className="panel-title">
        Before you start
      </h2>
      <ul className="prose prerequisites">
        {items.map((item, i) => (
          <li key={i} dangerouslySetInnerHTML={{ __html: unwrapParagraph(renderMarkdown(item).html) }} />
        ))}
      </ul>
    </section>
  );
}

/** A one-line item renders as <p>…</p>; inside a list item the paragraph only adds spacing. */
function unwrapParagraph(html: string): string {
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html.trim());
  return match ? match[1]! : html;
}
