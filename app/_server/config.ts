/**
 * The web process's configuration, parsed from the environment in one place and frozen. Nothing below app/
 * reads process.env; pages get this object (through context.ts) and pass the pieces on. Paths are resolved
 * against the repository root so `next start` behaves the same from any working directory.
 */
import path from "node:path";
import { labDirsFromEnv } from "../../labs/index";

export interface SiteConfig {
  /** Directories holding one folder per lab (PRAXIS_LABS_DIRS, default content/labs). */
  readonly labDirs: readonly string[];
  /** Directory of concept guides (PRAXIS_GUIDES_DIR, default content/guides). */
  readonly guidesDir: string;
  /** Root that diagnostics paths are shown relative to. */
  readonly repoRoot: string;
}

export function parseSiteConfig(env: Record<string, string | undefined>, repoRoot: string): SiteConfig {
  const guides = env.PRAXIS_GUIDES_DIR?.trim();
  return Object.freeze({
    labDirs: Object.freeze(labDirsFromEnv(env, repoRoot)),
    guidesDir: guides ? path.resolve(repoRoot, guides) : path.join(repoRoot, "content", "guides"),
    repoRoot,
  });
}
