/**
 * Builds Praxis images: `images/<name>/` becomes `praxis/<name>:latest`. A build is skipped when the
 * existing image carries the same context-hash label, so `praxis images build` and session start-up
 * are cheap after the first time. Also provides the `ensureImage` hook provisioning uses to build a
 * missing praxis/* image on demand.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { LABEL } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";
import { contextHash } from "./context-hash";

export const IMAGE_NAME_LABEL = "praxis.image";
const NAME = /^[a-z0-9][a-z0-9-]*$/;
const PRAXIS_REF = /^praxis\/([a-z0-9][a-z0-9-]*):latest$/;

export class ImageBuildError extends Error {
  override readonly name = "ImageBuildError";
}

export interface BuildOutcome {
  name: string;
  tag: string;
  hash: string;
  /** False when an image with the same context hash already existed. */
  built: boolean;
}

export function imageTag(name: string): string {
  return `praxis/${name}:latest`;
}

/** Names of buildable images: subdirectories of imagesDir that contain a Dockerfile. */
export async function availableImages(imagesDir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(imagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !NAME.test(entry.name)) continue;
    if (await stat(join(imagesDir, entry.name, "Dockerfile")).then(() => true, () => false)) names.push(entry.name);
  }
  return names.sort();
}

export async function buildPraxisImage(
  runtime: ContainerRuntime,
  imagesDir: string,
  name: string,
  opts: { force?: boolean; onProgress?: (line: string) => void } = {},
): Promise<BuildOutcome> {
  if (!NAME.test(name)) throw new ImageBuildError(`invalid image name "${name}" (lowercase letters, digits, dashes)`);
  const contextDir = join(imagesDir, name);
  if (!(await stat(join(contextDir, "Dockerfile")).then(() => true, () => false))) {
    throw new ImageBuildError(`no Dockerfile at ${join(contextDir, "Dockerfile")}`);
  }
  const tag = imageTag(name);
  const hash = await contextHash(contextDir);
  const existing = await runtime.inspectImage(tag);
  if (!opts.force && existing?.labels[LABEL.contextHash] === hash) {
    opts.onProgress?.(`${tag} is up to date (${hash.slice(0, 12)})`);
    return { name, tag, hash, built: false };
  }
  opts.onProgress?.(`building ${tag} from ${contextDir}`);
  await runtime.buildImage({
    contextDir,
    tag,
    labels: { [LABEL.managed]: "true", [LABEL.role]: "image", [LABEL.contextHash]: hash, [IMAGE_NAME_LABEL]: name },
    onProgress: opts.onProgress,
  });
  return { name, tag, hash, built: true };
}

/** The provisioning hook: builds praxis/<name>:latest on demand, refuses anything else. */
export function imageEnsurer(runtime: ContainerRuntime, imagesDir: string) {
  return async (ref: string, progress: (line: string) => void): Promise<void> => {
    const m = PRAXIS_REF.exec(ref);
    if (!m) throw new ImageBuildError(`image ${ref} is not available locally and is not a praxis/<name>:latest image this runner can build`);
    await buildPraxisImage(runtime, imagesDir, m[1]!, { onProgress: progress });
  };
}
