/**
 * What the Killercoda importer tells the author about the conversion: warnings for things that were not
 * converted or behave differently in Praxis, info for defaults it chose. Printed by `praxis import`.
 */
export interface Note {
  level: "warning" | "info";
  /** The scenario file (or "index.json") the note is about, with a line when known: "step1.md:12". */
  where: string;
  message: string;
}

export function formatNote(note: Note): string {
  return `${note.level === "warning" ? "warning" : "note"}: ${note.where}: ${note.message}`;
}
