/**
 * Runs the `praxis` CLI as a user would, for integration tests: a child process of Praxis's Node on
 * labs/cli/main.ts from the repository root, with `stdin` piped in (and then closed), killed after
 * `timeoutMs`. Answers the exit code and what it printed.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NODE = path.join(ROOT, "node_modules", ".bin", "node");

export interface PraxisRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runPraxis(args: string[], opts: { stdin?: string; timeoutMs?: number } = {}): Promise<PraxisRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ["--import", "tsx", path.join(ROOT, "labs", "cli", "main.ts"), ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? "");
  });
}
