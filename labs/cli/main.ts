/**
 * Composition root of the `praxis` CLI (started by bin/praxis.mjs): the only place that reads process.argv,
 * process.env, process.cwd and the process's terminal; the commands themselves are registered in
 * create-registry.ts, and the dispatcher's result becomes the exit code.
 */
import path from "node:path";
import type { CliIo } from "./command";
import { createRegistry } from "./create-registry";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  repoRoot,
};

const registry = createRegistry({
  terminal: { stdin: process.stdin, stdout: process.stdout, signals: process },
  execPath: process.execPath,
  nodeVersion: process.versions.node,
  repoRoot,
});
process.exitCode = await registry.dispatch(process.argv.slice(2), io);
