/**
 * What `praxis test` and `praxis grade` need, built once from the CLI's io and the runner CLI deps (the
 * composition root for these commands): environments on the Docker engine, lab loading, and file access
 * for lab.yaml positions, reports and submissions. Unit tests build their own with FakeEnvironments.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { labDirsFromEnv, loadLabs, type Diagnostic, type Lab } from "../../labs/index";
import type { CliIo } from "../../labs/cli/command";
import type { CliDeps } from "../cli/deps";
import { diskSubmission } from "../grade/disk-submission";
import { SubmissionUnreadable, type SubmissionSource } from "../grade/submission";
import { DockerEnvironments } from "./docker-environments";
import type { Environments } from "./environment";

/** Long enough for the slowest lab; the label lets `praxis env ls` and a runner reap a forgotten one. */
const TTL_MINUTES = 120;

export interface LabRunDeps {
  environments: Environments;
  /** A lab id from the configured lab dirs or a lab directory; throws LabNotLoadable otherwise. */
  loadLab(labArg: string): Promise<Lab>;
  /** Every lab in PRAXIS_LABS_DIRS, and the problems of those that do not load. */
  loadAllLabs(): Promise<{ labs: Lab[]; diagnostics: Diagnostic[] }>;
  readText(file: string): Promise<string>;
  writeText(file: string, text: string): Promise<void>;
  /** A submission directory for `praxis grade`; rejects when it is not a directory. */
  openSubmission(dir: string): Promise<SubmissionSource>;
}

export function labRunDeps(io: CliIo, cli: CliDeps): LabRunDeps {
  const readBytes = async (file: string) => new Uint8Array(await readFile(file));
  return {
    environments: new DockerEnvironments({ runtime: cli.runtime, imagesDir: cli.imagesDir, readBytes, newId: cli.newId, now: cli.now, ttlMinutes: TTL_MINUTES }),
    loadLab: cli.loadLab,
    loadAllLabs: () => loadLabs(labDirsFromEnv(io.env, io.repoRoot)),
    readText: (file) => readFile(file, "utf8"),
    writeText: async (file, text) => {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    openSubmission: async (dir) => {
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory()) throw new SubmissionUnreadable(`the submission ${dir} is not a directory`);
      return diskSubmission(dir);
    },
  };
}
