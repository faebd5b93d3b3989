/**
 * Rewrites a Killercoda page for Praxis. Most of it carries over as is: Praxis renders Killercoda's
 * `{{exec}}` and `{{copy}}` markers itself. What differs: `{{exec interrupt}}` (Ctrl-C first) becomes a
 * plain `{{exec}}`; `{{}}` (copy disabled) is dropped; line highlights in fence info strings (```yaml{2,5})
 * are removed; `<details><summary>Solution</summary>…</details>` becomes the step's solution page and other
 * `<details>` blocks become hints (Praxis strips raw HTML, so they would show as loose text). Placeholders
 * Praxis cannot fill ({{TRAFFIC_HOST1_80}}) and relative images are reported.
 */
import type { Note } from "./notes";

export interface ConvertedPage {
  markdown: string;
  /** Markdown of the `<details>` blocks titled "Solution", joined. */
  solution?: string;
  /** Markdown of the other `<details>` blocks, in order, each prefixed with its summary in bold. */
  hints: string[];
  notes: Note[];
}

const DETAILS = /<details>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>\s*/gi;
const INTERRUPT = /\{\{\s*(exec|execute)\s+interrupt\s*\}\}/g;
const NO_COPY = /(`[^`\n]+`)\{\{\s*\}\}/g;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;
const FENCE_HIGHLIGHT = /^(\s{0,3}(?:`{3,}|~{3,})[\w+#.-]*)\{[\d,\s-]+\}\s*$/;
const IMAGE = /!\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)/g;
const MARKERS = new Set(["exec", "execute", "copy"]);

export function convertPage(text: string, file: string): ConvertedPage {
  const notes: Note[] = [];
  const note = (level: Note["level"], line: number, message: string) => notes.push({ level, where: `${file}:${line}`, message });
  const hints: string[] = [];
  const solutions: string[] = [];

  // Line-level rewrites first, on the original text, so notes carry the author's line numbers; they never
  // add or remove lines, so the <details> blocks are then found at the same places.
  const lines = text.split("\n").map((line, index) => {
    const n = index + 1;
    let out = line.replace(INTERRUPT, "{{exec}}");
    if (out !== line) note("warning", n, "{{exec interrupt}} became {{exec}}: Praxis does not send Ctrl-C before running a command");
    out = out.replace(NO_COPY, "$1");
    const fence = FENCE_HIGHLIGHT.exec(out);
    if (fence) {
      out = fence[1]!;
      note("info", n, "line highlighting in a code block is not supported; the block is shown without it");
    }
    for (const match of out.matchAll(PLACEHOLDER)) {
      if (MARKERS.has(match[1]!.toLowerCase())) continue;
      const port = /^TRAFFIC_HOST\d+_(\d+)$/.exec(match[1]!);
      const hint = port ? `; declare port ${port[1]} under the host's \`ports\` in lab.yaml and learners get a tab for it` : "";
      note("warning", n, `{{${match[1]}}} is a Killercoda placeholder Praxis does not fill${hint}`);
    }
    for (const match of out.matchAll(IMAGE)) {
      if (!/^[a-z]+:/i.test(match[1]!)) note("warning", n, `image ${match[1]} is relative; Praxis does not serve files from the lab folder to pages, so it will not show`);
    }
    return out;
  });

  const rewritten = lines.join("\n");
  const markdown = rewritten.replace(DETAILS, (_whole, summary: string, body: string, offset: number) => {
    const title = summary.replace(/<[^>]+>/g, "").trim();
    const line = lineAt(rewritten, offset);
    if (/solution/i.test(title)) {
      solutions.push(body.trim());
      note("info", line, `<details> "${title}" became the step's solution page`);
    } else {
      hints.push(`**${title || "Hint"}**\n\n${body.trim()}`);
      note("info", line, `<details> "${title}" became a hint`);
    }
    return "";
  });

  return { markdown, ...(solutions.length > 0 && { solution: `${solutions.join("\n\n")}\n` }), hints, notes };
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}
