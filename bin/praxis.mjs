#!/usr/bin/env node
/**
 * `praxis` command shim. Whatever `node` started it (the system one may be too old), it first makes sure the
 * clone is ready (dependencies, native addon, Prisma client: see scripts/bootstrap.mjs, a no-op once done),
 * then re-executes the CLI with the project's pinned Node 22 and the tsx loader, both located relative to
 * this file so the command works from any directory, and forwards arguments, stdio, signals and the exit code.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { BootstrapError, prepare } from "../scripts/bootstrap.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let node;
try {
  ({ node } = prepare());
} catch (error) {
  if (!(error instanceof BootstrapError)) throw error;
  process.stderr.write(`praxis: ${error.message}\n`);
  process.exit(1);
}
const tsx = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const main = path.join(root, "labs", "cli", "main.ts");

const child = spawn(node, ["--import", tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  process.stderr.write(`praxis: cannot start ${node}: ${error.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1) : 1));
});
