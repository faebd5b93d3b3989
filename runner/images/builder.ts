/**
 * Builds Praxis images: `images/<name>/` becomes `praxis/<name>:latest`, with the Go tools it lists
 * (go-tools.ts) and after the Praxis images it builds FROM. A build is skipped when the
 * existing image carries the same context-hash label, so `praxis images build` and session start-up
 * are cheap after the first time. Also provides the `ensureImage` hook provisioning uses to build a
 * missing praxis/* image on demand.
 */
import { createHash } from "node:crypto";
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { LABEL } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";
import { SpawnCommandRunner } from "../kind/command-runner";
import { contextHash } from "./context-hash";
import { ensureGoModules, ensureGoSdk, makeToolchainExecutable, makeWritable, readGoSdk } from "./go-sdk";
import { ensureGoTool, GoToolError, readGoTools, type GoToolBuild } from "./go-tools";

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

export interface BuildPraxisImageOptions {
  force?: boolean;
  onProgress?: (line: string) => void;
  /** Where Go tools (go-tools.txt) are built; defaults to ~/.cache/praxis/image-tools. */
  goTools?: GoToolBuild;
}

export async function buildPraxisImage(
  runtime: ContainerRuntime,
  imagesDir: string,
  name: string,
  opts: BuildPraxisImageOptions = {},
): Promise<BuildOutcome> {
  if (!NAME.test(name)) throw new ImageBuildError(`invalid image name "${name}" (lowercase letters, digits, dashes)`);
  const imageDir = join(imagesDir, name);
  const dockerfile = await readFile(join(imageDir, "Dockerfile"), "utf8").catch(() => null);
  if (dockerfile === null) throw new ImageBuildError(`no Dockerfile at ${join(imageDir, "Dockerfile")}`);
  // A Praxis base image is built first: its id is part of this image's hash, so a new base means a rebuild.
  for (const base of praxisBases(dockerfile)) await buildPraxisImage(runtime, imagesDir, base, { ...opts, force: false });
  const tag = imageTag(name);
  const hash = await imageContextHash(runtime, imagesDir, name);
  const existing = await runtime.inspectImage(tag);
  if (!opts.force && existing?.labels[LABEL.contextHash] === hash) {
    opts.onProgress?.(`${tag} is up to date (${hash.slice(0, 12)})`);
    return { name, tag, hash, built: false };
  }
  const staged = await stageContext(imageDir, opts);
  try {
    opts.onProgress?.(`building ${tag} from ${imageDir}`);
    await runtime.buildImage({
      contextDir: staged.dir,
      tag,
      labels: { [LABEL.managed]: "true", [LABEL.role]: "image", [LABEL.contextHash]: hash, [IMAGE_NAME_LABEL]: name },
      onProgress: opts.onProgress,
    });
    return { name, tag, hash, built: true };
  } finally {
    await staged.cleanup();
  }
}

/** `FROM praxis/<name>[:latest]` lines: images of ours this one builds on. */
export function praxisBases(dockerfile: string): string[] {
  return [...dockerfile.matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?praxis\/([a-z0-9][a-z0-9-]*)(?::latest)?(?:\s|$)/gim)].map((m) => m[1]!);
}

/**
 * The build context: the image directory itself, or, when it needs anything from Go, a temporary copy
 * with the built binaries under tools/<binary>, the Go toolchain under tools/go and the offline module
 * proxy under tools/goproxy (go-sdk.ts); the Dockerfile COPYs them from there.
 */
async function stageContext(imageDir: string, opts: BuildPraxisImageOptions): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const tools = await readGoTools(imageDir).catch(asBuildError);
  const sdk = await readGoSdk(imageDir).catch(asBuildError);
  const wantsModules = await stat(join(imageDir, "go-modules", "go.mod")).then(() => true, () => false);
  if (tools.length === 0 && sdk === null && !wantsModules) return { dir: imageDir, cleanup: async () => {} };
  const build = opts.goTools ?? defaultGoToolBuild(opts.onProgress);
  const dir = await mkdtemp(join(tmpdir(), "praxis-image-"));
  try {
    await cp(imageDir, dir, { recursive: true });
    await mkdir(join(dir, "tools"), { recursive: true });
    for (const tool of tools) await copyFile(await ensureGoTool(tool, imageDir, build), join(dir, "tools", tool.binary));
    if (sdk !== null) await cp(await ensureGoSdk(sdk, build), join(dir, "tools", "go"), { recursive: true });
    const proxyTree = await ensureGoModules(imageDir, build);
    if (proxyTree !== null) await cp(proxyTree, join(dir, "tools", "goproxy"), { recursive: true });
    if (sdk !== null || proxyTree !== null) await makeWritable(join(dir, "tools"));
    if (sdk !== null) await makeToolchainExecutable(join(dir, "tools", "go"));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err instanceof GoToolError ? new ImageBuildError(err.message) : err;
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function asBuildError(err: unknown): never {
  throw err instanceof GoToolError ? new ImageBuildError(err.message) : err;
}

/**
 * What an image is built from: its directory (go-tools.txt pins every tool's version, so the binaries
 * need not be hashed) and the ids of the Praxis images it builds on. `praxis doctor` compares it too.
 */
export async function imageContextHash(runtime: ContainerRuntime, imagesDir: string, name: string): Promise<string> {
  const imageDir = join(imagesDir, name);
  const hash = await contextHash(imageDir);
  const dockerfile = await readFile(join(imageDir, "Dockerfile"), "utf8");
  const baseIds: string[] = [];
  for (const base of praxisBases(dockerfile)) baseIds.push((await runtime.inspectImage(imageTag(base)))?.id ?? "missing");
  return baseIds.length === 0 ? hash : createHash("sha256").update([hash, ...baseIds].join("\n")).digest("hex");
}

export function defaultGoToolBuild(onProgress?: (line: string) => void): GoToolBuild {
  return { cacheDir: join(homedir(), ".cache", "praxis", "image-tools"), runner: new SpawnCommandRunner(process.env), onProgress };
}

/** The provisioning hook: builds praxis/<name>:latest on demand, refuses anything else. */
export function imageEnsurer(runtime: ContainerRuntime, imagesDir: string) {
  return async (ref: string, progress: (line: string) => void): Promise<void> => {
    const m = PRAXIS_REF.exec(ref);
    if (!m) throw new ImageBuildError(`image ${ref} is not available locally and is not a praxis/<name>:latest image this runner can build`);
    await buildPraxisImage(runtime, imagesDir, m[1]!, { onProgress: progress });
  };
}
