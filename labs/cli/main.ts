/**
 * Composition root of the `praxis` CLI (started by bin/praxis.mjs): the only place that reads process.argv,
 * process.env and process.cwd, registers the commands — one line each — and sets the exit code.
 */
import path from "node:path";
import type { CliIo } from "./command";
import { listCommand } from "./commands/list";
import { schemaCommand } from "./commands/schema";
import { validateCommand } from "./commands/validate";
import { CommandRegistry } from "./registry";

export function createRegistry(): CommandRegistry {
  return new CommandRegistry()
    .register(validateCommand)
    .register(listCommand)
    .register(schemaCommand);
}

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  repoRoot: path.resolve(import.meta.dirname, "../.."),
};

process.exitCode = await createRegistry().dispatch(process.argv.slice(2), io);
