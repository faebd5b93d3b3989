/**
 * A content hash of an image's build context: every file's relative path, mode and bytes, in sorted
 * order. Equal hashes mean an identical build input, which is what lets the builder skip a build
 * (the hash is stored as an image label), independent of file timestamps or checkout location.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export async function contextHash(contextDir: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await walk(contextDir)).map((f) => ({ full: f, rel: relative(contextDir, f).split(sep).join("/") }));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const f of files) {
    const mode = (await stat(f.full)).mode & 0o777;
    const content = await readFile(f.full);
    // Length-prefix each field so different splits of the same bytes cannot collide.
    hash.update(`${f.rel.length}:${f.rel}:${mode.toString(8)}:${content.length}:`);
    hash.update(content);
  }
  return hash.digest("hex").slice(0, 32);
}
