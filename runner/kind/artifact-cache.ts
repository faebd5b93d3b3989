/**
 * The on-disk record of built artifacts: <cacheRoot>/artifacts.json maps each recipe to the hash of the
 * recipe that produced it, its outputs' sizes and digests, and how long the build took. A recipe is
 * "fresh" when its hash is unchanged and every output still exists with the recorded size, which keeps the
 * check cheap (no re-hashing of a gigabyte of binaries) while catching deleted or truncated files.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface ArtifactRecord {
  recipeHash: string;
  /** Output path (relative to the cache root) -> size and sha256. */
  outputs: Record<string, { size: number; sha256: string }>;
  /** Wall time of the build that produced the outputs. */
  seconds: number;
  builtAt: string;
}

export type ArtifactManifest = Record<string, ArtifactRecord>;

const FILE = "artifacts.json";

export async function readManifest(cacheRoot: string): Promise<ArtifactManifest> {
  const text = await readFile(join(cacheRoot, FILE), "utf8").catch(() => undefined);
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as ArtifactManifest;
  } catch {
    // A corrupt record only costs a rebuild; never fail the build over it.
    return {};
  }
}

export async function writeManifest(cacheRoot: string, manifest: ArtifactManifest): Promise<void> {
  await mkdir(cacheRoot, { recursive: true });
  const tmp = join(cacheRoot, `${FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest, null, 2) + "\n");
  await rename(tmp, join(cacheRoot, FILE));
}

export async function isFresh(cacheRoot: string, record: ArtifactRecord | undefined, recipeHash: string, outputs: string[]): Promise<boolean> {
  if (!record || record.recipeHash !== recipeHash) return false;
  for (const out of outputs) {
    const want = record.outputs[out];
    const size = await stat(join(cacheRoot, out)).then((s) => s.size, () => -1);
    if (!want || size !== want.size) return false;
  }
  return true;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
