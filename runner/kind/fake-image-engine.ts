/**
 * In-memory ImageEngine for unit tests: images are a map from ref to labels; a build records its
 * context directory's file list (so tests can check what was sent) and a save writes a small JSON
 * stand-in for the archive listing the refs.
 */
import { readdir, writeFile } from "node:fs/promises";
import type { BuildImageOptions, ImageInfo } from "../docker/runtime";
import type { ImageEngine } from "./image-engine";

export class FakeImageEngine implements ImageEngine {
  readonly images = new Map<string, ImageInfo>();
  readonly builds: { tag: string; files: string[] }[] = [];
  readonly saves: string[][] = [];
  private nextId = 1;

  async inspectImage(ref: string): Promise<ImageInfo | null> {
    return this.images.get(ref) ?? null;
  }

  async buildImage(opts: BuildImageOptions): Promise<ImageInfo> {
    const files = (await readdir(opts.contextDir, { recursive: true })).map(String).sort();
    this.builds.push({ tag: opts.tag, files });
    const info: ImageInfo = { id: `sha256:fake${this.nextId++}`, tags: [opts.tag], labels: { ...opts.labels } };
    this.images.set(opts.tag, info);
    return info;
  }

  async saveImages(refs: string[], destFile: string): Promise<void> {
    const missing = refs.filter((r) => !this.images.has(r));
    if (missing.length > 0) throw new Error(`fake save: no such image(s) ${missing.join(", ")}`);
    this.saves.push([...refs]);
    await writeFile(destFile, JSON.stringify(refs));
  }
}
