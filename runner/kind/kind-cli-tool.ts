/**
 * The official kind CLI, built from its Go module into the kind-node cache (`<cache>/tools/kind`) on
 * first use. Praxis never needs it to run; tests and the benchmark use it as the reference: it must
 * create clusters from our node image and understand clusters Praxis made.
 */
import { join, resolve } from "node:path";
import { buildArtifacts } from "./build-artifacts";
import { cacheRootFor } from "./build-kind-node";
import { kindNodeCacheBase } from "./cli-builder";
import { SpawnCommandRunner } from "./command-runner";
import { artifactRecipes } from "./recipes";
import { KIND_NODE_VERSIONS } from "./versions";

const repoRoot = resolve(import.meta.dirname, "../..");

export interface KindTools {
  kind: string;
  kubectl: string;
  cacheRoot: string;
}

export async function ensureKindCli(env: Record<string, string | undefined>, onProgress: (line: string) => void = () => {}): Promise<KindTools> {
  const cacheRoot = cacheRootFor(kindNodeCacheBase(env), KIND_NODE_VERSIONS);
  const imageDir = join(repoRoot, "images/kind-node");
  const recipes = artifactRecipes(KIND_NODE_VERSIONS, { imageDir }, cacheRoot).filter((r) => r.group === "tool");
  await buildArtifacts({ cacheRoot, recipes, runner: new SpawnCommandRunner(env), sourceRoot: imageDir, onProgress });
  return { kind: join(cacheRoot, "tools", "kind"), kubectl: join(cacheRoot, "bin", "kubectl"), cacheRoot };
}
