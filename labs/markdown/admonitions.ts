/**
 * remark plugin: GitHub-style admonitions. A blockquote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes a callout (`<div role="note" class="callout callout-note">`) with a visible
 * title, so screen readers announce it as a note and sighted readers see the kind at a glance. An unknown kind
 * (`[!DANGER]`) is left as a plain blockquote and reported, because silently dropping the marker hides a typo.
 */
import type { Blockquote, Paragraph, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import type { MarkdownDiagnostic } from "./types";

export const CALLOUT_KINDS = {
  note: "Note",
  tip: "Tip",
  important: "Important",
  warning: "Warning",
  caution: "Caution",
} as const;

export type CalloutKind = keyof typeof CALLOUT_KINDS;

const MARKER = /^\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

export function remarkAdmonitions(diagnostics: MarkdownDiagnostic[]) {
  return () => (tree: Root) => {
    visit(tree, "blockquote", (node: Blockquote) => {
      const first = node.children[0];
      if (first?.type !== "paragraph") return;
      const text = first.children[0];
      if (text?.type !== "text") return;
      const match = MARKER.exec(text.value);
      if (!match) return;
      const kind = match[1]!.toLowerCase();
      if (!(kind in CALLOUT_KINDS)) {
        diagnostics.push({
          line: text.position?.start.line ?? 1,
          column: text.position?.start.column ?? 1,
          message: `unknown admonition [!${match[1]}]; use one of ${Object.keys(CALLOUT_KINDS)
            .map((k) => `[!${k.toUpperCase()}]`)
            .join(", ")}`,
        });
        return;
      }
      stripMarker(node, first, text, match[0].length);
      toCallout(node, kind as CalloutKind);
    });
  };
}

function stripMarker(node: Blockquote, first: Paragraph, text: Text, length: number): void {
  text.value = text.value.slice(length);
  if (text.value === "") first.children.shift();
  // `> [!NOTE]` on its own line followed by a blank `>` leaves an empty first paragraph behind.
  if (first.children.length === 0) node.children.shift();
}

function toCallout(node: Blockquote, kind: CalloutKind): void {
  const title: Paragraph = {
    type: "paragraph",
    data: { hProperties: { className: ["callout-title"] } },
    children: [{ type: "text", value: CALLOUT_KINDS[kind] }],
  };
  node.children.unshift(title);
  node.data = {
    ...node.data,
    hName: "div",
    hProperties: { className: ["callout", `callout-${kind}`], role: "note", dataCallout: kind },
  };
}
