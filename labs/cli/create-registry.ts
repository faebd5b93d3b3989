/**
 * Every `praxis` command, registered one line each. Process-level things (the user's terminal, the
 * Node binary, how to launch `npm start`) come in through `CliHost`, which only main.ts builds from
 * `process`, so the full registry can be created in tests without touching the real process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { envCommand, imagesCommand } from "../../runner/cli/commands";
import { cliDeps } from "../../runner/cli/deps";
import { doctorCommand } from "../../runner/cli/doctor";
import { doctorProbes } from "../../runner/cli/probes";
import { serveCommand } from "../../runner/cli/serve";
import { gradeCommand } from "../../runner/grade/grade-command";
import { labRunDeps } from "../../runner/testing/deps";
import { testCommand } from "../../runner/testing/test-command";
import type { LocalTerminalIo } from "../../runner/terminal/local-terminal";
import { importCommand } from "./commands/import";
import { listCommand } from "./commands/list";
import { schemaCommand } from "./commands/schema";
import { validateCommand } from "./commands/validate";
import { CommandRegistry } from "./registry";

export interface CliHost {
  terminal: LocalTerminalIo;
  /** The Node running the CLI (the project's Node 22: bin/praxis.mjs re-executes with it). */
  execPath: string;
  nodeVersion: string;
  repoRoot: string;
}

/** Runs scripts/run.mjs start in the foreground; Ctrl-C reaches it directly (same process group). */
function runStart(host: CliHost) {
  return (env: Record<string, string | undefined>) =>
    new Promise<number>((resolve) => {
      const child = spawn(host.execPath, [path.join(host.repoRoot, "scripts", "run.mjs"), "start"], { cwd: host.repoRoot, env: env as NodeJS.ProcessEnv, stdio: "inherit" });
      // The child handles Ctrl-C itself; we only wait for it to finish shutting down.
      const ignore = () => {};
      host.terminal.signals.on("SIGINT", ignore);
      child.on("exit", (code, signal) => {
        host.terminal.signals.off("SIGINT", ignore);
        resolve(code ?? (signal ? 130 : 1));
      });
    });
}

export function createRegistry(host: CliHost): CommandRegistry {
  return new CommandRegistry()
    .register(validateCommand)
    .register(listCommand)
    .register(schemaCommand)
    .register(imagesCommand())
    .register(envCommand((io) => ({ ...cliDeps(io), terminal: host.terminal })))
    .register(importCommand)
    .register(testCommand((io) => labRunDeps(io, cliDeps(io))))
    .register(gradeCommand((io) => labRunDeps(io, cliDeps(io))))
    .register(serveCommand({ runStart: runStart(host) }))
    .register(doctorCommand((io) => doctorProbes(io, host.nodeVersion)));
}
