/**
 * The per-use dependencies of lab-session code (database, runner client, lab loader), built from the
 * environment, and the name of the learner's identity cookie. Free of Next.js imports, so the site's own
 * server (scripts/start.ts) can use it outside a request, as it does for service WebSockets.
 */
import { openDatabase } from "../../prisma/db";
import { loadLabs } from "../../labs/index";
import { InvalidEnvironmentError } from "../../runner/environment/spec";
import { labSpecLoader } from "../../runner/process/lab-specs";
import { parseSiteConfig } from "./config";
import type { LabSessionDeps } from "./lab-sessions";
import { runnerClient } from "./runner-client";
import { parseLabRuntimeConfig, type LabRuntimeConfig } from "./runner-config";

export const LEARNER_COOKIE = "praxis_learner";

/**
 * Requests open one each; the player's background checks open one per run, because an
 * event stream outlives the request that opened it.
 */
export async function openLabDeps(env: Record<string, string | undefined>, repoRoot: string): Promise<{ deps: LabSessionDeps; config: LabRuntimeConfig; close(): Promise<void> }> {
  const config = parseLabRuntimeConfig(env, repoRoot);
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const { labDirs } = parseSiteConfig(env, repoRoot);
  const deps: LabSessionDeps = {
    prisma: db.prisma,
    runner: runnerClient(config),
    loadSpec: labSpecLoader(labDirs),
    loadLab: async (labId) => {
      const lab = (await loadLabs([...labDirs])).labs.find((l) => l.metadata.id === labId);
      if (!lab) throw new InvalidEnvironmentError([`no valid lab "${labId}" in ${labDirs.join(", ")}`]);
      return lab;
    },
  };
  return { deps, config, close: () => db.close() };
}

