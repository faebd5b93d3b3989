/**
 * The disk edge of the lab model: reads lab.yaml and the files it references, and hands them to the pure
 * validator and converter. loadLab loads one lab directory; loadLabs discovers every <dir>/<id>/lab.yaml under
 * the configured directories. Neither throws for a broken lab: problems come back as diagnostics so a site
 * can show the good labs and list what is wrong with the others.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { convertLab } from "../format/convert";
import { sortDiagnostics } from "../format/diagnostics";
import type { Diagnostic, Lab } from "../format/types";
import { validateLabSource } from "../format/validate";
import { readLabTree } from "./tree";

export const LAB_FILE = "lab.yaml";

export interface LoadLabResult {
  lab?: Lab;
  diagnostics: Diagnostic[];
}

export interface LoadLabsResult {
  labs: Lab[];
  diagnostics: Diagnostic[];
}

const at = (file: string, message: string): Diagnostic => ({ file, line: 1, column: 1, message });
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadLab(dir: string): Promise<LoadLabResult> {
  const labDir = path.resolve(dir);
  const file = path.join(labDir, LAB_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { diagnostics: [at(file, missing ? `no ${LAB_FILE} in ${labDir}` : `cannot read ${LAB_FILE}: ${reason(error)}`)] };
  }
  let tree;
  try {
    tree = await readLabTree(labDir);
  } catch (error) {
    return { diagnostics: [at(file, `cannot list the lab directory: ${reason(error)}`)] };
  }
  const result = validateLabSource({ file, dirName: path.basename(labDir), text, tree });
  if (!result.wire) return { diagnostics: result.diagnostics };

  const texts = new Map<string, string>();
  const failures: Diagnostic[] = [];
  await Promise.all(
    result.textFiles.map(async (rel) => {
      try {
        texts.set(rel, await readFile(path.join(labDir, rel), "utf8"));
      } catch (error) {
        failures.push(at(file, `cannot read ${rel}: ${reason(error)}`));
      }
    }),
  );
  if (failures.length > 0) return { diagnostics: sortDiagnostics(failures) };
  return { lab: convertLab(result.wire, { dir: labDir, tree, texts }), diagnostics: [] };
}

/** Every lab under the given directories; the first directory wins when two define the same lab id. */
export async function loadLabs(dirs: readonly string[]): Promise<LoadLabsResult> {
  const perDir = await Promise.all(dirs.map((dir) => labDirsIn(path.resolve(dir))));
  const diagnostics: Diagnostic[] = perDir.flatMap((d) => d.diagnostics);
  const results = await Promise.all(perDir.flatMap((d) => d.labDirs).map(async (labDir) => ({ labDir, ...(await loadLab(labDir)) })));
  const labs: Lab[] = [];
  const byId = new Map<string, string>();
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (!result.lab) continue;
    const first = byId.get(result.lab.metadata.id);
    if (first !== undefined) {
      diagnostics.push(at(path.join(result.labDir, LAB_FILE), `duplicate lab id \`${result.lab.metadata.id}\`: already loaded from ${first}; this copy is ignored`));
      continue;
    }
    byId.set(result.lab.metadata.id, result.labDir);
    labs.push(result.lab);
  }
  return { labs, diagnostics };
}

/** Lab folders (those holding a lab.yaml) directly inside `dir`, sorted by name. */
async function labDirsIn(dir: string): Promise<{ labDirs: string[]; diagnostics: Diagnostic[] }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { labDirs: [], diagnostics: [at(dir, missing ? "labs directory not found" : `cannot read labs directory: ${reason(error)}`)] };
  }
  const candidates = entries
    .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith("."))
    .map((entry) => path.join(dir, entry.name))
    .sort();
  const withLab = await Promise.all(
    candidates.map(async (candidate) => ((await isFile(path.join(candidate, LAB_FILE))) ? candidate : undefined)),
  );
  return { labDirs: withLab.filter((d): d is string => d !== undefined), diagnostics: [] };
}

export async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
