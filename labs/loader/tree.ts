/**
 * Takes the snapshot of a lab directory that the pure validator checks references against. Skips version
 * control and dependency folders, does not follow symlinked directories (no loops, no escaping the lab),
 * and refuses absurdly large trees instead of walking them.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { LabTree, TreeEntry } from "../format/tree";

const SKIP = new Set([".git", "node_modules"]);
export const MAX_TREE_ENTRIES = 5000;

export class LabTreeTooLargeError extends Error {
  constructor(readonly dir: string) {
    super(`lab directory ${dir} has more than ${MAX_TREE_ENTRIES} files; labs should be small`);
  }
}

export async function readLabTree(dir: string): Promise<LabTree> {
  const tree = new Map<string, TreeEntry>();
  const walk = async (relDir: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relDir), { withFileTypes: true });
    for (const entry of entries) {
      if (SKIP.has(entry.name)) continue;
      const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
      if (tree.size >= MAX_TREE_ENTRIES) throw new LabTreeTooLargeError(dir);
      if (entry.isDirectory()) {
        tree.set(rel, { type: "dir", executable: false });
        await walk(rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        // Symlinks count as what they point to, but are never descended into.
        const info = await stat(path.join(dir, rel)).catch(() => undefined);
        if (!info) continue;
        tree.set(rel, { type: info.isDirectory() ? "dir" : "file", executable: (info.mode & 0o111) !== 0 });
      }
    }
  };
  await walk("");
  return tree;
}
