/**
 * Go binaries baked into lab images. Many lab tools (cosign, buildx, wazero, …) are Go programs, and
 * with no container registry the only way to get them is to compile them here. An image directory may
 * hold `go-tools.txt`, one tool per line:
 *
 *     # binary   module@version                       package                                   [version variable]
 *     cosign     github.com/sigstore/cosign/v2@v2.6.1  github.com/sigstore/cosign/v2/cmd/cosign
 *     buildx     github.com/docker/buildx@v0.29.1      github.com/docker/buildx/cmd/buildx        version=github.com/docker/buildx/version.Version
 *
 * Release builds stamp their version with `-ldflags -X`; a module build does not, so a tool would call
 * itself v0.0.0+unknown. The optional `version=<package>.<Var>` sets that variable to the pinned version.
 *
 * Each tool is built in its own wrapper module (`go get module@version`, then `go build package`), not with
 * `go install pkg@version`: the module proxy reachable here answers 403 for paths that are not modules,
 * which `go install` does not fall back from, and a wrapper is also where `replace` lines would go. A tool
 * whose directory `images/<name>/go-tools/<binary>/go.mod` exists is built from that wrapper instead
 * (for modules like BuildKit whose go.mod needs replacements). Binaries are cached by binary@version in
 * the tools cache and built only once per machine.
 */
import { copyFile, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CommandRunner } from "../kind/command-runner";

export interface GoTool {
  binary: string;
  module: string;
  version: string;
  pkg: string;
  /** `<import path>.<Var>` set to `version` at link time, when given. */
  versionVar?: string;
}

export class GoToolError extends Error {
  override readonly name = "GoToolError";
}

const LINE = /^([a-z0-9][a-z0-9._-]*)\s+([^\s@]+)@(v[^\s]+)\s+(\S+)(?:\s+version=(\S+\.[A-Za-z_][A-Za-z0-9_]*))?$/;

export function parseGoTools(text: string, file: string): GoTool[] {
  const tools: GoTool[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) throw new GoToolError(`${file}:${i + 1}: expected "<binary> <module>@<version> <package> [version=<package>.<Var>]", got "${line}"`);
    const [, binary, module, version, pkg, versionVar] = m as unknown as [string, string, string, string, string, string | undefined];
    if (pkg !== module && !pkg.startsWith(`${module}/`)) throw new GoToolError(`${file}:${i + 1}: package ${pkg} is not inside module ${module}`);
    tools.push({ binary, module, version, pkg, ...(versionVar ? { versionVar } : {}) });
  });
  return tools;
}

export async function readGoTools(imageDir: string): Promise<GoTool[]> {
  const file = join(imageDir, "go-tools.txt");
  const text = await readFile(file, "utf8").catch(() => null);
  return text === null ? [] : parseGoTools(text, file);
}

export interface GoToolBuild {
  /** e.g. ~/.cache/praxis/image-tools */
  cacheDir: string;
  runner: CommandRunner;
  onProgress?: (line: string) => void;
}

const exists = (path: string) => stat(path).then(() => true, () => false);
const GO_ENV = { GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod -buildvcs=false", CGO_ENABLED: "0" };

/** Builds (or reuses) one tool; returns the path of its binary in the cache. */
export async function ensureGoTool(tool: GoTool, imageDir: string, b: GoToolBuild): Promise<string> {
  // A stamped build is another binary than an unstamped one of the same version: cache them apart.
  const id = `${tool.binary}@${tool.version}${tool.versionVar ? "+stamped" : ""}`;
  const output = join(b.cacheDir, "bin", id);
  if (await exists(output)) return output;
  const work = join(b.cacheDir, "work", id);
  await mkdir(work, { recursive: true });
  await mkdir(join(b.cacheDir, "bin"), { recursive: true });
  const custom = join(imageDir, "go-tools", tool.binary);
  if (await exists(join(custom, "go.mod"))) {
    await copyFile(join(custom, "go.mod"), join(work, "go.mod"));
    if (await exists(join(custom, "go.sum"))) await copyFile(join(custom, "go.sum"), join(work, "go.sum"));
  } else {
    await writeFile(join(work, "go.mod"), `module praxis.local/image-tools/${tool.binary}\n\ngo 1.24\n`);
  }
  const started = Date.now();
  b.onProgress?.(`building ${id} from ${tool.module} (Go, first time only)`);
  const steps = [
    ["get", `${tool.module}@${tool.version}`],
    ["build", "-trimpath", "-ldflags", ["-s", "-w", ...(tool.versionVar ? [`-X ${tool.versionVar}=${tool.version}`] : [])].join(" "), "-o", `${output}.partial`, tool.pkg],
  ];
  for (const args of steps) {
    const r = await b.runner.run({ cmd: "nice", args: ["-n", "19", "go", ...args], cwd: work, env: GO_ENV });
    if (r.exitCode !== 0) throw new GoToolError(`building ${id}: go ${args.join(" ")} failed with exit code ${r.exitCode}:\n${r.tail}`);
  }
  await rename(`${output}.partial`, output);
  b.onProgress?.(`built ${id} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return output;
}
