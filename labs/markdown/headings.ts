/**
 * rehype plugin: shift headings so a fragment fits the outline of the page it is embedded in. A lab step sits
 * under the page's h1 and the step's own h2; an author who starts the step with `#` would otherwise produce a
 * second h1 and break the heading order screen-reader users navigate by. Relative levels are preserved.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

const HEADING = /^h([1-6])$/;

export function rehypeMinHeading(minLevel: number) {
  return () => (tree: Root) => {
    const headings: Array<{ node: Element; level: number }> = [];
    visit(tree, "element", (node: Element) => {
      const match = HEADING.exec(node.tagName);
      if (match) headings.push({ node, level: Number(match[1]) });
    });
    if (headings.length === 0) return;
    const shift = Math.max(0, minLevel - Math.min(...headings.map((h) => h.level)));
    for (const { node, level } of headings) node.tagName = `h${Math.min(6, level + shift)}`;
  };
}
