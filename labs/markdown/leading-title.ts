/**
 * remark plugin: drop a leading heading that merely repeats the title the page already shows. Authors naturally
 * start a step file or guide with `# <title>`; the site renders the title itself (as the step's h2 or the
 * guide's h1), so keeping both would print it twice and add a redundant heading to the outline.
 */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";

const normalise = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

export function remarkOmitLeadingTitle(title: string | undefined) {
  return () => (tree: Root) => {
    if (!title) return;
    const first = tree.children[0];
    if (first?.type === "heading" && normalise(toString(first)) === normalise(title)) tree.children.shift();
  };
}
