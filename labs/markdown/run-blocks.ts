/**
 * remark plugin: Killercoda's run markers. `` `cmd`{{exec}} `` and `` `cmd`{{copy}} `` turn inline code into a
 * run button; a fenced block followed by a paragraph that is only `{{exec}}` / `{{copy}}` (or whose closing fence
 * carried the marker, see fence-markers.ts) becomes a run block. The result is recorded on the node as
 * `data.run` and rendered by the same code that handles our own ```bash exec fences, so all three syntaxes
 * produce identical markup for the lab player.
 */
import type { Code, InlineCode, Parent, Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { MarkdownDiagnostic, RunMode } from "./types";

const LEADING_MARKER = /^\{\{\s*(exec|execute|copy)\b[^}]*\}\}/;
const WHOLE_MARKER = /^\s*\{\{\s*(exec|execute|copy)\b[^}]*\}\}\s*$/;

declare module "mdast" {
  interface CodeData {
    run?: RunMode;
  }
}

function modeOf(word: string): RunMode {
  return word === "copy" ? "copy" : "exec";
}

export function remarkRunBlocks(closingLines: Map<number, RunMode>, diagnostics: MarkdownDiagnostic[]) {
  return () => (tree: Root) => {
    visit(tree, (node) => {
      if (!("children" in node)) return;
      const parent = node as Parent;
      markInline(parent);
      markFenced(parent, closingLines, diagnostics);
    });
  };
}

function markInline(parent: Parent): void {
  parent.children.forEach((child, index) => {
    const next = parent.children[index + 1];
    if (child.type !== "inlineCode" || next?.type !== "text") return;
    const match = LEADING_MARKER.exec(next.value);
    if (!match) return;
    next.value = next.value.slice(match[0].length);
    toRunButton(child, modeOf(match[1]!));
  });
  parent.children = parent.children.filter((c) => !(c.type === "text" && c.value === ""));
}

function toRunButton(node: InlineCode, mode: RunMode): void {
  node.data = {
    hName: "button",
    hProperties: {
      type: "button",
      className: ["run-inline", `run-inline-${mode}`],
      dataRun: mode,
      dataCommand: node.value,
      title: mode === "exec" ? "Run in the terminal" : "Copy to the clipboard",
    },
    hChildren: [{ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: node.value }] }],
  };
}

function markFenced(parent: Parent, closingLines: Map<number, RunMode>, diagnostics: MarkdownDiagnostic[]): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const marker = child.type === "paragraph" ? markerParagraph(child) : undefined;
    if (marker) {
      const previous = kept[kept.length - 1];
      if (previous?.type === "code") {
        setRun(previous, marker);
        continue;
      }
      diagnostics.push({
        line: child.position?.start.line ?? 1,
        column: child.position?.start.column ?? 1,
        message: `{{${marker}}} must follow a fenced code block or inline code; it was left as text`,
      });
    }
    if (child.type === "code" && child.position) {
      const mode = closingLines.get(child.position.end.line);
      if (mode) setRun(child, mode);
    }
    kept.push(child);
  }
  parent.children = kept as Parent["children"];
}

function markerParagraph(node: RootContent & { type: "paragraph" }): RunMode | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== "text") return undefined;
  const match = WHOLE_MARKER.exec(only.value);
  return match ? modeOf(match[1]!) : undefined;
}

function setRun(node: Code, mode: RunMode): void {
  node.data = { ...node.data, run: mode };
}
