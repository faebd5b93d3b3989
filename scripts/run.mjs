#!/usr/bin/env node
// The two README commands land here: `npm start` (the site + runner on embedded defaults) and `npm test`
// (every test, unit to end-to-end). This file runs on the machine's Node, prepares the clone (see
// bootstrap.mjs), then hands over to the project's Node 22 for the real work.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BootstrapError, prepare, repoRoot } from './bootstrap.mjs';
import { ensureTestImages, ensureTestPrerequisites } from './test-prerequisites.mjs';

const TEST_GLOBS = ['labs', 'app', 'prisma', 'runner', 'scripts', 'test'].map((dir) => `${dir}/**/*.test.ts`);

const tasks = {
  start: () => ({ build: true, args: ['--import', 'tsx', join(repoRoot, 'scripts', 'start.ts'), ...process.argv.slice(3)] }),
  test: () => {
    ensureTestPrerequisites();
    const only = process.argv.slice(3);
    return {
      build: true,
      beforeRun: ensureTestImages,
      // --test-force-exit: a test file that leaks an open server or socket ends with its tests instead of
      // holding the whole run (and CI) open; the leak still shows as the failure that caused it.
      args: ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', '--test-force-exit', ...(only.length ? only : TEST_GLOBS)],
    };
  },
};

const name = process.argv[2];
const task = tasks[name];
if (!task) {
  process.stderr.write(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}> [args…]\n`);
  process.exit(2);
}

try {
  const plan = task();
  const { node } = prepare({ build: plan.build });
  plan.beforeRun?.(node);
  const child = spawn(node, plan.args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (error) {
  if (!(error instanceof BootstrapError)) throw error;
  process.stderr.write(`praxis: ${error.message}\n`);
  process.exit(1);
}
