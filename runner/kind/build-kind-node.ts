/**
 * The whole `praxis images build kind-node` pipeline: build (or reuse) the Go/C artifacts in the cache,
 * check the built kubeadm asks for exactly the image names we are about to preload, then build (or
 * reuse) the component, base and node images. Inputs arrive as plain values from the composition root
 * (cli-builder.ts); nothing here reads the environment.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readManifest } from "./artifact-cache";
import { buildArtifacts, type ArtifactOutcome } from "./build-artifacts";
import { buildImages, type ImageOutcome } from "./build-images";
import type { CommandRunner } from "./command-runner";
import type { ImageEngine } from "./image-engine";
import { kindNodeImagePlan } from "./image-plan";
import { artifactRecipes } from "./recipes";
import { imageRefs, kubeadmImages, type KindNodeVersions } from "./versions";

export class KubeadmImageMismatch extends Error {
  override readonly name = "KubeadmImageMismatch";
}

export interface KindNodeBuildOptions {
  /** images/kind-node/ in the checkout. */
  imageDir: string;
  /** Per-version caches live in <cacheBase>/<kubernetes version>/. */
  cacheBase: string;
  versions: KindNodeVersions;
  runner: CommandRunner;
  engine: ImageEngine;
  force?: boolean;
  /** Also build host-side tools (the kind CLI for the proof test). */
  withTools?: boolean;
  onProgress?: (line: string) => void;
}

export interface KindNodeBuildResult {
  ref: string;
  cacheRoot: string;
  artifacts: ArtifactOutcome[];
  images: ImageOutcome[];
}

export function cacheRootFor(cacheBase: string, v: KindNodeVersions): string {
  return join(cacheBase, v.kubernetes);
}

/** Image refs printed by `kubeadm config images list` (one per line; other output ignored). */
export function parseImageList(output: string): string[] {
  return output
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[a-z0-9.-]+(\/[a-z0-9._-]+)+:[A-Za-z0-9._-]+$/.test(l));
}

export async function verifyKubeadmImages(runner: CommandRunner, cacheRoot: string, v: KindNodeVersions): Promise<void> {
  const kubeadm = join(cacheRoot, "bin", "kubeadm");
  const result = await runner.run({ cmd: kubeadm, args: ["config", "images", "list", "--kubernetes-version", v.kubernetes], cwd: cacheRoot, env: {} });
  if (result.exitCode !== 0) throw new KubeadmImageMismatch(`${kubeadm} config images list failed (exit ${result.exitCode}):\n${result.tail}`);
  const listed = parseImageList(result.tail).sort();
  const expected = kubeadmImages(imageRefs(v)).sort();
  if (listed.join("\n") !== expected.join("\n")) {
    throw new KubeadmImageMismatch(
      `kubeadm ${v.kubernetes} wants images\n  ${listed.join("\n  ")}\nbut runner/kind/versions.ts builds\n  ${expected.join("\n  ")}\n` +
        "update the versions (etcdImageTag, coredns, pause) to match kubeadm",
    );
  }
}

export async function buildKindNode(opts: KindNodeBuildOptions): Promise<KindNodeBuildResult> {
  const cacheRoot = cacheRootFor(opts.cacheBase, opts.versions);
  const recipes = artifactRecipes(opts.versions, { imageDir: opts.imageDir }, cacheRoot).filter((r) => opts.withTools || r.group === "node");
  const progress = (prefix: string) => (line: string) => opts.onProgress?.(`${prefix} ${line}`);
  const artifacts = await buildArtifacts({ cacheRoot, recipes, runner: opts.runner, sourceRoot: opts.imageDir, force: opts.force, onProgress: progress("artifact") });
  await verifyKubeadmImages(opts.runner, cacheRoot, opts.versions);
  const template = await readFile(join(opts.imageDir, "node", "Dockerfile.in"), "utf8");
  const plan = kindNodeImagePlan(opts.versions, template);
  const sources = { imageDir: opts.imageDir, cacheRoot, artifacts: await readManifest(cacheRoot) };
  const images = await buildImages({ plan, sources, engine: opts.engine, force: opts.force, onProgress: progress("image") });
  return { ref: imageRefs(opts.versions).node, cacheRoot, artifacts, images };
}
