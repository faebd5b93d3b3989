/**
 * Where a part of a lab is written in its lab.yaml, for tools that report on a lab they already loaded
 * (`praxis test` annotates the failing check's line in GitHub Actions). The Lab model carries no positions,
 * by design: it is plain data. This re-reads the text and answers with the same locator the validator uses.
 */
import { LineCounter, parseDocument } from "yaml";
import { locate, type DataPath, type Position } from "./positions";

/** A function from a data path (["steps", 1, "checks", 0]) to its 1-based line and column; line 1 when unknown. */
export function labPositions(text: string): (path: DataPath) => Position {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) return () => ({ line: 1, column: 1 });
  return (path) => locate(doc, counter, path).position;
}
