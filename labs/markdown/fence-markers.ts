/**
 * Killercoda writes a run marker straight after a closing fence: "```{{exec}}". CommonMark does not allow text
 * after a closing fence, so the parser would treat that line as content and never close the block. This pre-pass
 * rewrites such closing lines to a bare fence (padded with spaces so every column and line keeps its position for
 * diagnostics) and remembers which line carried which marker; the remark plugin then tags the code block that
 * ends on that line. It tracks open fences so a marker shown *inside* an example block is left alone.
 */
import type { RunMode } from "./types";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MARKED_CLOSE = /^( {0,3})(`{3,}|~{3,})(\{\{\s*(exec|execute|copy)\b[^}]*\}\})[ \t]*$/;

export interface FenceMarkers {
  markdown: string;
  /** 1-based line of a closing fence -> the run mode its marker asked for. */
  closingLines: Map<number, RunMode>;
}

export function extractFenceMarkers(markdown: string): FenceMarkers {
  const lines = markdown.split("\n");
  const closingLines = new Map<number, RunMode>();
  let open: { char: string; length: number } | undefined;

  lines.forEach((line, index) => {
    if (open) {
      const marked = MARKED_CLOSE.exec(line);
      if (marked && closes(open, marked[2]!)) {
        closingLines.set(index + 1, marked[4] === "copy" ? "copy" : "exec");
        lines[index] = marked[1]! + marked[2]! + " ".repeat(marked[3]!.length);
        open = undefined;
        return;
      }
      const fence = FENCE.exec(line);
      // A closing fence has no info string; anything else is content of the open block.
      if (fence && closes(open, fence[1]!) && line.slice(fence[0].length).trim() === "") open = undefined;
      return;
    }
    const fence = FENCE.exec(line);
    if (!fence) return;
    const marker = fence[1]!;
    // Backtick fences may not carry backticks in their info string; such a line is inline code, not a fence.
    if (marker[0] === "`" && line.slice(fence[0].length).includes("`")) return;
    open = { char: marker[0]!, length: marker.length };
  });

  return { markdown: lines.join("\n"), closingLines };
}

function closes(open: { char: string; length: number }, marker: string): boolean {
  return marker[0] === open.char && marker.length >= open.length;
}
