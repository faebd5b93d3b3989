/**
 * Builds every artifact recipe that is not already fresh in the cache, one at a time (the machine is
 * shared; Go parallelises inside a build), logging each command's output to <cacheRoot>/logs/<name>.log
 * and recording digests and wall time in artifacts.json. Returns what was built, what was reused, and the
 * recorded cold-build seconds of each artifact, which the README's timing table comes from.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isFresh, readManifest, sha256File, writeManifest, type ArtifactRecord } from "./artifact-cache";
import type { CommandRunner } from "./command-runner";
import type { ArtifactRecipe } from "./recipes";

export class ArtifactBuildError extends Error {
  override readonly name = "ArtifactBuildError";
}

export interface ArtifactOutcome {
  name: string;
  built: boolean;
  /** Seconds of the build that produced the cached outputs (this run's, or the recorded one). */
  seconds: number;
}

export interface BuildArtifactsOptions {
  cacheRoot: string;
  recipes: ArtifactRecipe[];
  runner: CommandRunner;
  /** The checkout's images/kind-node/: hashed by relative path, so a clone elsewhere (CI) reuses the cache. */
  sourceRoot?: string;
  onProgress?: (line: string) => void;
  /** Rebuild even fresh artifacts. */
  force?: boolean;
  now?: () => number;
}

export async function recipeHash(recipe: ArtifactRecipe, sourceRoot?: string): Promise<string> {
  const portable = (text: string) => (sourceRoot ? text.split(sourceRoot).join("<source>") : text);
  const hash = createHash("sha256");
  hash.update(portable(JSON.stringify({ outputs: recipe.outputs, commands: recipe.commands })));
  for (const path of recipe.inputs) {
    const input = portable(path);
    const content = await readFile(path).catch((err: unknown) => {
      throw new ArtifactBuildError(`recipe ${recipe.name}: input file ${path} is not readable (${String(err)})`);
    });
    hash.update(`\0${input.length}:${input}:${content.length}:`);
    hash.update(content);
  }
  return hash.digest("hex").slice(0, 32);
}

async function checkHost(recipe: ArtifactRecipe): Promise<void> {
  for (const req of recipe.hostRequirements) {
    if (!(await stat(req.path).then(() => true, () => false))) {
      throw new ArtifactBuildError(`recipe ${recipe.name}: ${req.path} is missing on this machine; ${req.hint}`);
    }
  }
}

async function buildOne(recipe: ArtifactRecipe, opts: BuildArtifactsOptions, hash: string): Promise<ArtifactRecord> {
  await checkHost(recipe);
  const now = opts.now ?? Date.now;
  const logPath = join(opts.cacheRoot, "logs", `${recipe.name}.log`);
  await mkdir(join(opts.cacheRoot, "logs"), { recursive: true });
  const log = createWriteStream(logPath);
  const started = now();
  try {
    for (const command of recipe.commands) {
      const cwd = command.cwd ?? opts.cacheRoot;
      log.write(`$ (cd ${cwd} && ${command.cmd} ${command.args.join(" ")})\n`);
      const result = await opts.runner.run({ cmd: command.cmd, args: command.args, cwd, env: command.env }, (line) => log.write(line + "\n"));
      if (result.exitCode !== 0) {
        throw new ArtifactBuildError(
          `building ${recipe.name} failed (exit ${result.exitCode}) running: ${command.cmd} ${command.args.join(" ")}\n` +
            `in ${cwd}; full log: ${logPath}\n${result.tail}`,
        );
      }
    }
  } finally {
    await new Promise((resolve) => log.end(resolve));
  }
  const seconds = Math.round((now() - started) / 100) / 10;
  const outputs: ArtifactRecord["outputs"] = {};
  for (const out of recipe.outputs) {
    const path = join(opts.cacheRoot, out);
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size < 0) throw new ArtifactBuildError(`building ${recipe.name} succeeded but did not produce ${path}; full log: ${logPath}`);
    outputs[out] = { size, sha256: await sha256File(path) };
  }
  return { recipeHash: hash, outputs, seconds, builtAt: new Date(now()).toISOString() };
}

export async function buildArtifacts(opts: BuildArtifactsOptions): Promise<ArtifactOutcome[]> {
  const outcomes: ArtifactOutcome[] = [];
  for (const recipe of opts.recipes) {
    const hash = await recipeHash(recipe, opts.sourceRoot);
    // Re-read every time: another build (e.g. the proof test's kind CLI build) may have recorded artifacts.
    const record = (await readManifest(opts.cacheRoot))[recipe.name];
    if (!opts.force && record && (await isFresh(opts.cacheRoot, record, hash, recipe.outputs))) {
      opts.onProgress?.(`${recipe.name}: cached (built in ${record.seconds}s)`);
      outcomes.push({ name: recipe.name, built: false, seconds: record.seconds });
      continue;
    }
    opts.onProgress?.(`${recipe.name}: building (log: ${join(opts.cacheRoot, "logs", `${recipe.name}.log`)})`);
    const built = await buildOne(recipe, opts, hash);
    // Written after every artifact (merged into the current file) so an interrupted cold build resumes
    // where it stopped and concurrent builds of other artifacts keep their records.
    await writeManifest(opts.cacheRoot, { ...(await readManifest(opts.cacheRoot)), [recipe.name]: built });
    opts.onProgress?.(`${recipe.name}: built in ${built.seconds}s`);
    outcomes.push({ name: recipe.name, built: true, seconds: built.seconds });
  }
  return outcomes;
}
