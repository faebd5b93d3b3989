/**
 * The checks behind `praxis doctor`, each answering one question about this machine and, when the
 * answer is no, saying how to fix it. Every probe is injected (engine, file existence, database state)
 * so the checks are tested without Docker, and the command stays a thin printer.
 */
import { availableImages, imageContextHash, imageTag } from "../images/builder";
import { LABEL } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** Not ready, but Praxis still works (e.g. an image the first session would build): warned about, not failed. */
  advisory?: boolean;
}

export interface DoctorProbes {
  nodeVersion: string;
  runtime: ContainerRuntime;
  imagesDir: string;
  chromiumPath: string;
  exists(file: string): Promise<boolean>;
  /** Pending migrations, or null when the database has not been created yet. */
  pendingMigrations(): Promise<string[] | null>;
  databaseLabel: string;
}

const MIN_NODE = [22, 19] as const;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function checkNode(version: string): CheckResult {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return { name: "Node.js", ok, detail: `v${version}`, ...(ok ? {} : { fix: `use Node ≥ ${MIN_NODE.join(".")}: run praxis through bin/praxis.mjs or npm, which use the pinned node_modules/.bin/node` }) };
}

export async function checkDocker(runtime: ContainerRuntime): Promise<CheckResult> {
  try {
    await runtime.ping();
    return { name: "Docker engine", ok: true, detail: "reachable" };
  } catch (err) {
    return { name: "Docker engine", ok: false, detail: message(err), fix: "start Docker (e.g. `sudo systemctl start docker`) and make sure your user can use its socket (group `docker`, or DOCKER_HOST=unix:///path)" };
  }
}

export async function checkImages(runtime: ContainerRuntime, imagesDir: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const name of await availableImages(imagesDir)) {
    const tag = imageTag(name);
    try {
      const image = await runtime.inspectImage(tag);
      const current = image?.labels[LABEL.contextHash] === (await imageContextHash(runtime, imagesDir, name));
      results.push(
        !image
          ? { name: `image ${tag}`, ok: false, advisory: true, detail: "not built (the first session that needs it builds it, slowly)", fix: `praxis images build ${name}` }
          : current
            ? { name: `image ${tag}`, ok: true, detail: "built and up to date" }
            : { name: `image ${tag}`, ok: false, advisory: true, detail: `built from an older images/${name}/ (the next session that needs it rebuilds it)`, fix: `praxis images build ${name}` },
      );
    } catch (err) {
      results.push({ name: `image ${tag}`, ok: false, detail: message(err), fix: "fix the Docker engine check first" });
    }
  }
  return results;
}

export async function checkChromium(exists: (f: string) => Promise<boolean>, file: string): Promise<CheckResult> {
  const ok = await exists(file);
  return { name: "Chromium (end-to-end tests)", ok, detail: ok ? file : `not found at ${file}`, ...(ok ? {} : { advisory: true, fix: "`sudo apt-get install chromium`, or set PRAXIS_CHROMIUM to its path (only needed for npm test)" }) };
}

export async function checkDatabase(pending: () => Promise<string[] | null>, label: string): Promise<CheckResult> {
  try {
    const list = await pending();
    if (list === null) return { name: "database", ok: true, detail: `${label} not created yet; \`npm start\` creates and migrates it` };
    if (list.length === 0) return { name: "database", ok: true, detail: `${label} is migrated` };
    return { name: "database", ok: false, detail: `${label} has ${list.length} pending migration(s): ${list.join(", ")}`, fix: "run `npm start` (it applies migrations)" };
  } catch (err) {
    return { name: "database", ok: false, detail: message(err), fix: "check DATABASE_URL / PRAXIS_DATA_DIR" };
  }
}

export async function runDoctorChecks(p: DoctorProbes): Promise<CheckResult[]> {
  const docker = await checkDocker(p.runtime);
  const images = docker.ok ? await checkImages(p.runtime, p.imagesDir) : [{ name: "images", ok: false, detail: "cannot check without Docker", fix: "fix the Docker engine check first" }];
  return [checkNode(p.nodeVersion), docker, ...images, await checkChromium(p.exists, p.chromiumPath), await checkDatabase(p.pendingMigrations, p.databaseLabel)];
}
