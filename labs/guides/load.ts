/**
 * The disk edge of the guides model: read every `*.md` in a directory and parse it. A missing directory means
 * "no guides" (a deployment may ship labs only); unreadable files and invalid guides become diagnostics, never
 * exceptions, so one bad guide cannot take the site down.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../index";
import { parseGuide, type Guide } from "./guide";

export interface LoadGuidesResult {
  /** Valid guides sorted by order, then title. */
  guides: Guide[];
  diagnostics: Diagnostic[];
}

export async function loadGuides(dir: string): Promise<LoadGuidesResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".md")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { guides: [], diagnostics: [] };
    return { guides: [], diagnostics: [{ file: dir, line: 1, column: 1, message: `cannot read guides directory: ${String(error)}` }] };
  }
  const guides: Guide[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const result = parseGuide(file, await readFile(file, "utf8"));
      if (result.guide) guides.push(result.guide);
      diagnostics.push(...result.diagnostics);
    } catch (error) {
      diagnostics.push({ file, line: 1, column: 1, message: `cannot read guide: ${String(error)}` });
    }
  }
  guides.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { guides, diagnostics };
}
