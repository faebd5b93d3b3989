/**
 * The CLI edge of the kind node build: `praxis images build kind-node [--force]`. It is the composition
 * root for this pipeline: reads the cache location and Docker socket from the CLI's environment once,
 * wires the real command runner and image engine, prints progress to stderr and a timing summary to
 * stdout, and maps failures to one message and exit code.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { EXIT, type CliIo } from "../../labs/cli/command";
import type { ContainerRuntime } from "../docker/runtime";
import { buildKindNode } from "./build-kind-node";
import { SpawnCommandRunner } from "./command-runner";
import { DockerImageEngine } from "./image-engine";
import { KIND_NODE_VERSIONS } from "./versions";

export const KIND_NODE_IMAGE = "kind-node";

/** ~/.cache/praxis/kind-node (XDG_CACHE_HOME honoured). */
export function kindNodeCacheBase(env: Record<string, string | undefined>): string {
  const cache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(cache, "praxis", "kind-node");
}

export async function buildKindNodeCommand(
  opts: { force: boolean; withTools?: boolean },
  io: CliIo,
  deps: { runtime: ContainerRuntime; imagesDir: string },
): Promise<number> {
  const host = io.env.DOCKER_HOST;
  const socketPath = host?.startsWith("unix://") ? host.slice("unix://".length) : undefined;
  const started = Date.now();
  try {
    const result = await buildKindNode({
      imageDir: join(deps.imagesDir, KIND_NODE_IMAGE),
      cacheBase: kindNodeCacheBase(io.env),
      versions: KIND_NODE_VERSIONS,
      runner: new SpawnCommandRunner(io.env),
      engine: new DockerImageEngine(deps.runtime, { socketPath }),
      force: opts.force,
      withTools: opts.withTools,
      onProgress: (line) => io.stderr.write(`[kind-node] ${line}\n`),
    });
    const built = result.artifacts.filter((a) => a.built).length + result.images.filter((i) => i.built).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stdout.write(`${result.ref} ${built > 0 ? `built in ${seconds}s` : `up to date (${seconds}s)`}; cache: ${result.cacheRoot}\n`);
    for (const a of result.artifacts) io.stdout.write(`  artifact ${a.name.padEnd(24)} ${a.built ? "built" : "cached"} (build took ${a.seconds}s)\n`);
    for (const i of result.images) io.stdout.write(`  image    ${i.ref.padEnd(56)} ${i.built ? `built in ${i.seconds}s` : "up to date"}\n`);
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`images build kind-node: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failure;
  }
}
