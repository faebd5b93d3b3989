/**
 * Diagnostics are the one currency for "something is wrong with this lab": every layer (YAML syntax, schema,
 * cross-references, missing files) produces them and the edges (CLI, site banner) print them the same way,
 * in the `file:line:col: message` shape that editors and terminals make clickable.
 */
import type { Diagnostic } from "./types";

export type { Diagnostic };

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** Stable order (file, line, column, message) so output and tests do not depend on discovery order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
}
