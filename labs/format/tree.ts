/**
 * A snapshot of the files in one lab directory, taken once by the loader, so that the validator can check
 * "does the referenced file exist?" without touching the disk (keeping it pure and synchronous). Also the
 * rules for paths that lab.yaml uses to reference those files.
 */

export interface TreeEntry {
  type: "file" | "dir";
  /** Any execute bit set; used to default the mode of copied files to 0755. */
  executable: boolean;
}

/** Relative path (forward slashes, no leading "./") -> entry. */
export type LabTree = ReadonlyMap<string, TreeEntry>;

export type RelativePathResult = { ok: true; path: string } | { ok: false; problem: string };

/** Normalises a path written in lab.yaml ("./steps//a.md" -> "steps/a.md") or says why it is not acceptable. */
export function normaliseRelative(written: string): RelativePathResult {
  if (written.includes("\\")) return { ok: false, problem: "use forward slashes (/) in paths" };
  if (written.startsWith("/")) return { ok: false, problem: "must be relative to the lab directory, not absolute" };
  const parts: string[] = [];
  for (const part of written.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return { ok: false, problem: "must stay inside the lab directory (no '..')" };
    parts.push(part);
  }
  if (parts.length === 0) return { ok: false, problem: "must name a file inside the lab directory" };
  return { ok: true, path: parts.join("/") };
}

/** Every file at or below `path` (a file yields itself), sorted for a deterministic copy order. */
export function filesUnder(tree: LabTree, path: string): string[] {
  const entry = tree.get(path);
  if (entry?.type === "file") return [path];
  const prefix = `${path}/`;
  return [...tree.entries()]
    .filter(([p, e]) => e.type === "file" && p.startsWith(prefix))
    .map(([p]) => p)
    .sort();
}
