/**
 * The boundary between the kind-node builder and the host's toolchain (go, gcc, nice). The builder only
 * ever asks "run this command, tell me how it ended"; `SpawnCommandRunner` does it with child_process and
 * `FakeCommandRunner` (fake-command-runner.ts) records calls and fakes outputs for unit tests.
 */
import { spawn } from "node:child_process";

export interface CommandSpec {
  cmd: string;
  args: string[];
  cwd: string;
  /** Added to the inherited environment. */
  env: Record<string, string>;
}

export interface CommandResult {
  exitCode: number;
  /** The last lines of stdout+stderr (for error messages); the full log goes to onLine. */
  tail: string;
}

export interface CommandRunner {
  run(spec: CommandSpec, onLine?: (line: string) => void): Promise<CommandResult>;
}

const TAIL_LINES = 40;

export class SpawnCommandRunner implements CommandRunner {
  constructor(private readonly baseEnv: Record<string, string | undefined>) {}

  run(spec: CommandSpec, onLine?: (line: string) => void): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...(this.baseEnv as NodeJS.ProcessEnv), ...spec.env };
      const child = spawn(spec.cmd, spec.args, { cwd: spec.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      const tail: string[] = [];
      let partial = "";
      const feed = (chunk: Buffer) => {
        const lines = (partial + chunk.toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          tail.push(line);
          if (tail.length > TAIL_LINES) tail.shift();
          onLine?.(line);
        }
      };
      child.stdout.on("data", feed);
      child.stderr.on("data", feed);
      child.on("error", (err) => reject(new Error(`cannot start ${spec.cmd} in ${spec.cwd}: ${err.message}`, { cause: err })));
      child.on("close", (code, signal) => {
        if (partial) tail.push(partial);
        resolve({ exitCode: code ?? (signal ? 128 : 1), tail: tail.join("\n") });
      });
    });
  }
}
