/**
 * Test helper: start the already-built site (`next start`) on a free port and stop it again. It never builds:
 * the bootstrap runs `next build` once, and a missing build is reported as such instead of a confusing timeout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface RunningSite {
  url: string;
  stop(): Promise<void>;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startSite(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningSite> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    throw new Error(`no Next.js build in ${REPO_ROOT}/.next: run \`node_modules/.bin/node node_modules/next/dist/bin/next build\` first`);
  }
  const port = await freePort();
  const child = spawn(
    path.join(REPO_ROOT, "node_modules", ".bin", "node"),
    [path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    // The site's own address is its public origin (the CSRF Origin check of instructor forms), unless a test says otherwise.
    { cwd: REPO_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PRAXIS_PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  try {
    await waitUntilUp(url, child, timeoutMs, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** Kill the server's whole process group (next may fork workers), escalating to SIGKILL if it lingers. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
