/**
 * A Finding is a problem expressed against the data (a path into lab.yaml) rather than the text; the
 * validator collects findings from every rule and converts them to positioned Diagnostics in one place.
 */
import type { LineCounter, Document } from "yaml";
import { locate, offsetInScalar, toPosition, type DataPath } from "./positions";
import type { Diagnostic } from "./types";

export interface Finding {
  path: DataPath;
  /** Point at the mapping key (unknown fields) or at the value (everything else). */
  at: "key" | "value";
  message: string;
  /** For a problem inside a string value (an expression): how many characters into it, to point exactly there. */
  offset?: number;
}

export const finding = (path: DataPath, message: string, at: "key" | "value" = "value"): Finding => ({ path, at, message });

/** "steps[0].checks[1].host" — how messages name a place in the lab. */
export function pathText(path: DataPath): string {
  let text = "";
  for (const segment of path) text += typeof segment === "number" ? `[${segment}]` : text === "" ? segment : `.${segment}`;
  return text;
}

export function toDiagnostics(file: string, doc: Document, counter: LineCounter, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => {
    const located = locate(doc, counter, f.path, f.at);
    const inside = f.offset === undefined ? undefined : offsetInScalar(located.node, f.offset);
    const position = inside === undefined ? located.position : toPosition(counter, inside);
    return { file, line: position.line, column: position.column, message: f.message };
  });
}
