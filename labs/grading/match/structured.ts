/**
 * YAML or JSON content with an optional partial document it must contain. A YAML stream with several
 * documents (`---`) passes when one of them matches, since a manifest file often holds several objects;
 * when none does, the closest one's differences are reported. Problems come back as message parts without
 * the subject (the caller prefixes the file path or "body").
 */
import { parseAllDocuments } from "yaml";
import { matchPartial, type Mismatch } from "../kubernetes/match";
import type { StructuredExpectation } from "../../format/types-host-checks";
import { mismatchesText } from "./mismatches";

export function matchStructured(text: string, expected: StructuredExpectation, pathPrefix = ""): string[] {
  const parsed = expected.format === "json" ? parseJson(text) : parseYaml(text);
  if ("problem" in parsed) return [parsed.problem];
  if (expected.partial === undefined) return [];
  let best: Mismatch[] | undefined;
  for (const document of parsed.documents) {
    const mismatches = matchPartial(expected.partial, document);
    if (mismatches.length === 0) return [];
    if (!best || mismatches.length < best.length) best = mismatches;
  }
  return best ? [mismatchesText(best, pathPrefix)] : [`is empty, expected ${expected.format.toUpperCase()} content`];
}

function parseJson(text: string): { documents: unknown[] } | { problem: string } {
  try {
    return { documents: [JSON.parse(text)] };
  } catch (error) {
    return { problem: `is not valid JSON: ${(error as Error).message}` };
  }
}

function parseYaml(text: string): { documents: unknown[] } | { problem: string } {
  const documents = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = text.slice(0, error.pos[0]).split("\n").length;
      return { problem: `is not valid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")} (line ${line})` };
    }
  }
  return { documents: list.map((doc) => doc.toJS()).filter((value) => value !== null && value !== undefined) };
}
