/**
 * Test helper: runs the real `npm start` entry point (scripts/start.ts: migrations, embedded runner
 * child, custom Next server with the terminal proxy) on a free port with the given environment, and
 * stops its whole process group again. Expects `.next` to be built (the bootstrap does that).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, REPO_ROOT } from "./server";

export interface RunningProduct {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startProduct(env: Record<string, string>, timeoutMs = 90_000): Promise<RunningProduct> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error(`no Next.js build in ${REPO_ROOT}/.next: run \`npm start\` once (it builds) first`);
  const port = await freePort();
  const child = spawn(path.join(REPO_ROOT, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(REPO_ROOT, "scripts", "start.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM to start.ts alone: it stops the runner child itself (the graceful path users get on Ctrl-C).
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 20_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${child.exitCode}:\n${output}`);
    if (output.includes("Praxis is running at")) return { url: `http://127.0.0.1:${port}`, port, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`scripts/start.ts did not start within ${timeoutMs} ms:\n${output}`);
}
