/**
 * Where labs come from: PRAXIS_LABS_DIRS, a list of directories separated like PATH (":" on Unix), each
 * holding one folder per lab. Relative entries are resolved against the repository root, not the current
 * directory, so the web server and the CLI agree whatever directory they were started from.
 */
import path from "node:path";

export const LABS_DIRS_VARIABLE = "PRAXIS_LABS_DIRS";

export function labDirsFromEnv(env: Record<string, string | undefined>, repoRoot: string): string[] {
  const raw = env[LABS_DIRS_VARIABLE] ?? "";
  const dirs = raw
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => path.resolve(repoRoot, entry));
  return dirs.length > 0 ? [...new Set(dirs)] : [path.join(repoRoot, "content", "labs")];
}
