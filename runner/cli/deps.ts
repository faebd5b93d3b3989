/**
 * What the runner's CLI commands need, built once from the CLI's io (the CLI's composition root for
 * runner commands): a container runtime, the images directory, a way to turn a lab argument into an
 * EnvironmentSpec, and a clock/id source. Tests pass their own deps with a FakeRuntime instead.
 */
import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { labDirsFromEnv, loadLab, type Lab } from "../../labs/index";
import type { CliIo } from "../../labs/cli/command";
import { displayDiagnostic } from "../../labs/cli/paths";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import type { ContainerRuntime } from "../docker/runtime";
import { specFromLab } from "../environment/from-lab";
import type { EnvironmentSpec } from "../environment/spec";
import type { LocalTerminalIo } from "../terminal/local-terminal";

/** The runner id CLI-started sessions carry, so a server's reconciliation never adopts or reaps them. */
export const CLI_RUNNER_ID = "cli";

export class LabNotLoadable extends Error {
  override readonly name = "LabNotLoadable";
}

export interface CliDeps {
  runtime: ContainerRuntime;
  imagesDir: string;
  /** A lab directory (with lab.yaml) or a lab id from the configured lab dirs; LabNotLoadable otherwise. */
  loadLab(labArg: string): Promise<Lab>;
  loadSpec(labArg: string): Promise<EnvironmentSpec>;
  now(): Date;
  newId(): string;
  /** The user's terminal, for `env shell`; supplied by the CLI's composition root (labs/cli/main.ts). */
  terminal?: LocalTerminalIo;
}

/** DOCKER_HOST=unix:///path is honoured; anything else uses the default socket. */
function socketPath(env: Record<string, string | undefined>): string | undefined {
  const host = env.DOCKER_HOST;
  return host?.startsWith("unix://") ? host.slice("unix://".length) : undefined;
}

export function cliDeps(io: CliIo): CliDeps {
  return {
    runtime: new DockerodeRuntime({ socketPath: socketPath(io.env) }),
    imagesDir: path.join(io.repoRoot, "images"),
    loadLab: (labArg) => loadLabFromArg(labArg, io),
    loadSpec: async (labArg) => specFromLab(await loadLabFromArg(labArg, io), async (p) => new Uint8Array(await readFile(p))),
    now: () => new Date(),
    newId: () => randomBytes(5).toString("hex"),
  };
}

/** A lab argument is a directory containing lab.yaml, or a lab id found in the configured lab dirs. */
async function loadLabFromArg(labArg: string, io: CliIo): Promise<Lab> {
  const asDir = path.resolve(io.cwd, labArg);
  const isDir = await stat(path.join(asDir, "lab.yaml")).then(() => true, () => false);
  const candidates = isDir ? [asDir] : labDirsFromEnv(io.env, io.repoRoot).map((d) => path.join(d, labArg));
  for (const dir of candidates) {
    if (!(await stat(path.join(dir, "lab.yaml")).then(() => true, () => false))) continue;
    const { lab, diagnostics } = await loadLab(dir);
    if (!lab) throw new LabNotLoadable(diagnostics.map((d) => displayDiagnostic(d, io.cwd)).join("\n"));
    return lab;
  }
  throw new LabNotLoadable(`no lab "${labArg}": not a directory with lab.yaml, nor a lab id in ${labDirsFromEnv(io.env, io.repoRoot).join(", ")}`);
}
