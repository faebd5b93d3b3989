/**
 * Turns an ImageRecipe's inputs into (a) a content hash, computed without copying anything, so an
 * unchanged image is recognised in milliseconds, and (b) a build-context directory in the cache. Cache
 * artifacts are hashed by the sha256 recorded when they were built (artifacts.json) rather than re-read;
 * big binaries are hard-linked into the context instead of copied.
 */
import { createHash, type Hash } from "node:crypto";
import { chmod, copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ArtifactManifest } from "./artifact-cache";
import { sha256File } from "./artifact-cache";
import type { ContextInput, ImageRecipe } from "./image-plan";

export interface ContextSources {
  /** images/kind-node/ in the checkout. */
  imageDir: string;
  cacheRoot: string;
  artifacts: ArtifactManifest;
}

export class ImageContextError extends Error {
  override readonly name = "ImageContextError";
}

interface Entry {
  /** Destination path inside the context. */
  to: string;
  /** Source file on disk, or undefined for generated text. */
  source?: string;
  text?: string;
  mode: number;
  /** Known digest (artifacts), so the file need not be read for hashing. */
  sha256?: string;
}

async function listTree(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listTree(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

function artifactDigest(sources: ContextSources, path: string): string | undefined {
  for (const record of Object.values(sources.artifacts)) {
    const out = record.outputs[path];
    if (out) return out.sha256;
  }
  return undefined;
}

async function expand(input: ContextInput, sources: ContextSources): Promise<Entry[]> {
  if (input.from === "text") return [{ to: input.to, text: input.content, mode: 0o644 }];
  const root = input.from === "repo" ? sources.imageDir : sources.cacheRoot;
  const source = join(root, input.path);
  const st = await stat(source).catch(() => {
    throw new ImageContextError(`missing ${input.from} input ${source}${input.from === "artifact" ? " (build the artifacts first)" : ""}`);
  });
  if (st.isDirectory()) {
    const files = await listTree(source);
    return Promise.all(
      files.map(async (f) => ({ to: input.to === "." ? f : `${input.to}/${f}`, source: join(source, f), mode: (await stat(join(source, f))).mode & 0o7777 })),
    );
  }
  const sha256 = input.from === "artifact" ? artifactDigest(sources, input.path) : undefined;
  return [{ to: input.to, source, mode: st.mode & 0o7777, sha256 }];
}

async function entries(recipe: ImageRecipe, sources: ContextSources): Promise<Entry[]> {
  const all = (await Promise.all(recipe.inputs.map((i) => expand(i, sources)))).flat();
  return all.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

async function hashEntry(hash: Hash, e: Entry): Promise<void> {
  const digest = e.text !== undefined ? createHash("sha256").update(e.text).digest("hex") : (e.sha256 ?? (await sha256File(e.source!)));
  hash.update(`${e.to.length}:${e.to}:${e.mode.toString(8)}:${digest}\n`);
}

/** Hash of the recipe's context plus the hashes of the images it depends on. */
export async function imageHash(recipe: ImageRecipe, sources: ContextSources, dependencyHashes: string[]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`${recipe.ref}\n${(recipe.archiveOf ?? []).join(",")}\n${dependencyHashes.join(",")}\n`);
  for (const e of await entries(recipe, sources)) await hashEntry(hash, e);
  return hash.digest("hex").slice(0, 32);
}

/** Writes the context directory afresh and returns its path. */
export async function materializeContext(recipe: ImageRecipe, sources: ContextSources): Promise<string> {
  const dir = join(sources.cacheRoot, "contexts", recipe.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const e of await entries(recipe, sources)) {
    const dest = join(dir, e.to);
    await mkdir(dirname(dest), { recursive: true });
    if (e.text !== undefined) await writeFile(dest, e.text);
    else if (e.sha256 !== undefined) await link(e.source!, dest).catch(() => copyFile(e.source!, dest));
    else await writeFile(dest, await readFile(e.source!));
    await chmod(dest, e.mode);
  }
  return dir;
}
