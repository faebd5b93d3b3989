// What the test suite needs from the machine besides node_modules: Debian's Chromium (end-to-end tests
// drive it through playwright-core; Playwright's own browser download cannot work offline), PostgreSQL's
// server binaries (the PostgreSQL migration test runs a throwaway cluster), and a reachable Docker Engine
// (runner integration tests), plus what building the Kubernetes node image needs (gcc and libseccomp's
// headers for runc; Go itself is expected on the machine). As root on Debian the missing packages are
// installed; otherwise we say how. ensureTestImages then builds the kind node image and the lab images
// (cached: seconds when nothing changed; the first time about half an hour for the node image and as much
// again for the lab images' Go tools on two cores).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { BootstrapError } from './bootstrap.mjs';

const POSTGRES_LIB = '/usr/lib/postgresql';

function missingPackages() {
  const missing = [];
  if (!existsSync(process.env.PRAXIS_CHROMIUM ?? '/usr/bin/chromium')) missing.push('chromium');
  const hasPostgres = existsSync(POSTGRES_LIB) && readdirSync(POSTGRES_LIB).some((v) => existsSync(`${POSTGRES_LIB}/${v}/bin/initdb`));
  if (!hasPostgres && process.env.PRAXIS_SKIP_POSTGRES !== '1') missing.push('postgresql');
  if (!existsSync('/usr/bin/gcc')) missing.push('gcc');
  if (!existsSync('/usr/include/seccomp.h')) missing.push('libseccomp-dev');
  return missing;
}

function canInstall() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function ensureTestPrerequisites() {
  const missing = missingPackages();
  if (missing.length > 0) {
    if (!canInstall()) {
      throw new BootstrapError(`the tests need Debian packages ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}`);
    }
    process.stderr.write(`praxis: installing ${missing.join(', ')} for the tests (apt-get)\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (result.status !== 0) throw new BootstrapError(`apt-get ${args.join(' ')} failed`);
    }
  }
  const docker = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (docker.status !== 0) {
    throw new BootstrapError('the integration tests need a running Docker Engine (docker info failed): start Docker and run again');
  }
}

/** Builds praxis/kind-node (the cluster tests' node image) with the project's Node; cached by version. */
export function ensureTestImages(node) {
  // The kind node image first (the cluster tests), then every lab image, so the content-lab tests time the
  // labs and not a first compile of BuildKit or containerd. Both are cached: seconds when nothing changed.
  for (const [args, what] of [[['kind-node'], 'the kind node image'], [[], 'the lab images']]) {
    const result = spawnSync(node, ['--import', 'tsx', 'labs/cli/main.ts', 'images', 'build', ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    if (result.status !== 0) throw new BootstrapError(`building ${what} failed (see above); the tests need it`);
  }
}
