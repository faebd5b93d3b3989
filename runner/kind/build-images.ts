/**
 * Builds the kind node image plan in order: component images, the base, then the node image whose
 * context carries a docker-archive of the components for preloading. Each image is labelled with the
 * hash of its inputs (and of the images it depends on); an image whose label already matches is not
 * rebuilt, so a rebuild with nothing changed only hashes inputs and inspects images (seconds).
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { LABEL } from "../docker/labels";
import { imageHash, materializeContext, type ContextSources } from "./image-context";
import type { ImageEngine } from "./image-engine";
import type { ImageRecipe } from "./image-plan";

/** Marks images of the kind node family, e.g. praxis.kind-node=etcd. */
export const KIND_NODE_IMAGE_LABEL = "praxis.kind-node";

export class ImagePlanError extends Error {
  override readonly name = "ImagePlanError";
}

export interface ImageOutcome {
  name: string;
  ref: string;
  hash: string;
  built: boolean;
  seconds: number;
}

export interface BuildImagesOptions {
  plan: ImageRecipe[];
  sources: ContextSources;
  engine: ImageEngine;
  force?: boolean;
  onProgress?: (line: string) => void;
  now?: () => number;
}

export async function buildImages(opts: BuildImagesOptions): Promise<ImageOutcome[]> {
  const now = opts.now ?? Date.now;
  const hashes = new Map<string, string>();
  const outcomes: ImageOutcome[] = [];
  for (const recipe of opts.plan) {
    const deps = recipe.after.map((name) => {
      const h = hashes.get(name);
      if (h === undefined) throw new ImagePlanError(`image ${recipe.name} depends on ${name}, which is not earlier in the plan`);
      return h;
    });
    const hash = await imageHash(recipe, opts.sources, deps);
    hashes.set(recipe.name, hash);
    const existing = await opts.engine.inspectImage(recipe.ref);
    if (!opts.force && existing?.labels[LABEL.contextHash] === hash) {
      opts.onProgress?.(`${recipe.ref}: up to date (${hash.slice(0, 12)})`);
      outcomes.push({ name: recipe.name, ref: recipe.ref, hash, built: false, seconds: 0 });
      continue;
    }
    const started = now();
    opts.onProgress?.(`${recipe.ref}: building`);
    const contextDir = await materializeContext(recipe, opts.sources);
    if (recipe.archiveOf) {
      opts.onProgress?.(`${recipe.ref}: saving ${recipe.archiveOf.length} images for preloading`);
      await opts.engine.saveImages(recipe.archiveOf, join(contextDir, "images.tar"));
    }
    await opts.engine.buildImage({
      contextDir,
      tag: recipe.ref,
      labels: { [LABEL.managed]: "true", [LABEL.role]: "image", [LABEL.contextHash]: hash, [KIND_NODE_IMAGE_LABEL]: recipe.name },
      onProgress: (line) => opts.onProgress?.(`${recipe.name}: ${line}`),
    });
    // The archive (about 1 GB for the node image) is only build input: do not keep it in the cache.
    if (recipe.archiveOf) await rm(join(contextDir, "images.tar"), { force: true });
    const seconds = Math.round((now() - started) / 100) / 10;
    opts.onProgress?.(`${recipe.ref}: built in ${seconds}s`);
    outcomes.push({ name: recipe.name, ref: recipe.ref, hash, built: true, seconds });
  }
  return outcomes;
}
