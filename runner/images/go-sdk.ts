/**
 * Go inside lab images. Some labs have learners compile Go in their environment (an NRI plugin, a
 * wasip1 module), so the image needs the Go toolchain and, with no network in the lab, the modules
 * that code imports. Neither can be apt-installed (Debian bookworm's Go is too old), but both come
 * from the Go module proxy the host can reach:
 *
 *   images/<name>/go-sdk.txt         one line, a Go release such as `go1.26.8`: the official toolchain
 *                                    (module golang.org/toolchain) staged as tools/go/, a whole GOROOT.
 *   images/<name>/go-modules/        a module (go.mod + a Go file importing what learners will use) whose
 *                                    dependencies are downloaded on the host and staged as tools/goproxy/,
 *                                    a file-based GOPROXY tree (GOPROXY=file://…).
 *
 * Both inputs are files in the image directory, so the context hash already covers them.
 */
import { createHash } from "node:crypto";
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { GoToolError, type GoToolBuild } from "./go-tools";

const RELEASE = /^go\d+\.\d+(?:\.\d+)?$/;
const exists = (path: string) => stat(path).then(() => true, () => false);

/** The Go release an image asks for, or null when it has no go-sdk.txt. */
export async function readGoSdk(imageDir: string): Promise<string | null> {
  const file = join(imageDir, "go-sdk.txt");
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  const lines = text.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean);
  if (lines.length !== 1 || !RELEASE.test(lines[0]!)) throw new GoToolError(`${file}: expected one Go release such as "go1.26.8", got ${JSON.stringify(text.trim())}`);
  return lines[0]!;
}

/** The module that carries an official Go release for this platform on the module proxy. */
export function toolchainModule(release: string, platform = "linux-amd64"): string {
  return `golang.org/toolchain@v0.0.1-${release}.${platform}`;
}

async function goDownload(b: GoToolBuild, cwd: string, args: string[], env: Record<string, string>): Promise<string> {
  const lines: string[] = [];
  const r = await b.runner.run({ cmd: "nice", args: ["-n", "19", "go", "mod", "download", "-json", ...args], cwd, env: { GOTOOLCHAIN: "local", ...env } }, (l) => lines.push(l));
  if (r.exitCode !== 0) throw new GoToolError(`go mod download ${args.join(" ")} failed with exit code ${r.exitCode}:\n${r.tail}`);
  return lines.join("\n");
}

/** Downloads (once) the toolchain for `release`; returns its GOROOT in the host's module cache. */
export async function ensureGoSdk(release: string, b: GoToolBuild): Promise<string> {
  const work = join(b.cacheDir, "go-sdk");
  await mkdir(work, { recursive: true });
  b.onProgress?.(`fetching the Go ${release} toolchain from the module proxy (first time only)`);
  const out = await goDownload(b, work, [toolchainModule(release)], { GOFLAGS: "-mod=mod" });
  const dir = /"Dir":\s*"([^"]+)"/.exec(out)?.[1];
  if (!dir || !(await exists(join(dir, "bin", "go")))) throw new GoToolError(`the ${release} toolchain module has no bin/go (${dir ?? "no Dir in go mod download output"})`);
  return dir;
}

/**
 * Fills a private module cache with everything `go mod tidy` and `go build` need for the module in
 * images/<name>/go-modules/ (a go.mod plus a Go file importing the packages learners will use: tidy
 * needs the imports to know the graph, tests of dependencies included), and returns its cache/download
 * tree, which Go reads as a proxy (GOPROXY=file://…). Cached by the bytes of that directory's files.
 */
export async function ensureGoModules(imageDir: string, b: GoToolBuild): Promise<string | null> {
  const modDir = join(imageDir, "go-modules");
  if (!(await exists(join(modDir, "go.mod")))) return null;
  const files = (await readdir(modDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const key = createHash("sha256");
  for (const name of files) key.update(`${name}\0`).update(await readFile(join(modDir, name))).update("\0");
  const root = join(b.cacheDir, "go-modules", key.digest("hex").slice(0, 16));
  const proxyTree = join(root, "modcache", "cache", "download");
  if (await exists(join(root, "complete"))) return proxyTree;
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, "module"), { recursive: true });
  for (const name of files) await copyFile(join(modDir, name), join(root, "module", name));
  b.onProgress?.(`downloading the Go modules of ${modDir} (first time only)`);
  const env = { GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod", GOMODCACHE: join(root, "modcache") };
  for (const args of [["mod", "tidy"], ["mod", "download", "all"]]) {
    const r = await b.runner.run({ cmd: "nice", args: ["-n", "19", "go", ...args], cwd: join(root, "module"), env });
    if (r.exitCode !== 0) throw new GoToolError(`go ${args.join(" ")} in ${modDir} failed with exit code ${r.exitCode}:\n${r.tail}`);
  }
  await mkdir(join(root, "complete"));
  return proxyTree;
}

/**
 * The module cache keeps its files read-only; a staged copy must be writable again, or a non-root user
 * could not delete the temporary build context afterwards.
 */
export async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(full);
    else if (entry.isFile()) await chmod(full, ((await stat(full)).mode & 0o777) | 0o200);
  }
}

/**
 * The toolchain module is stored like any module: read-only and without execute bits. Go itself marks
 * bin/ and pkg/tool/ executable after switching to a downloaded toolchain; a staged copy needs the same.
 */
export async function makeToolchainExecutable(goroot: string): Promise<void> {
  const toolDirs = [join(goroot, "bin")];
  for (const entry of await readdir(join(goroot, "pkg", "tool"), { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) toolDirs.push(join(goroot, "pkg", "tool", entry.name));
  }
  for (const dir of toolDirs) {
    for (const entry of await readdir(dir, { withFileTypes: true })) if (entry.isFile()) await chmod(join(dir, entry.name), 0o755);
  }
}
