/**
 * Runs the embedded runner (runner/main.ts) as a child process for `npm start`: bound to 127.0.0.1 on a
 * free port with a random bearer token generated for this run only, its JSON log lines passed through,
 * and ready once /healthz answers. If the child dies, `exited` resolves so the parent can stop too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";

export interface RunnerChild {
  url: string;
  pid: number;
  token: string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface RunnerChildOptions {
  node: string;
  repoRoot: string;
  /** Passed through (PRAXIS_* limits, DOCKER_HOST, PRAXIS_LABS_DIRS…); API settings are overridden. */
  env: NodeJS.ProcessEnv;
  allowedOrigins: readonly string[];
  dataDir: string;
  readyTimeoutMs?: number;
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startRunnerChild(options: RunnerChildOptions): Promise<RunnerChild> {
  const token = randomBytes(32).toString("hex");
  const port = await freePort();
  const child: ChildProcess = spawn(options.node, ["--import", "tsx", path.join(options.repoRoot, "runner", "main.ts")], {
    cwd: options.repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...options.env,
      PRAXIS_RUNNER_TOKEN: token,
      PRAXIS_RUNNER_HOST: "127.0.0.1",
      PRAXIS_RUNNER_PORT: String(port),
      PRAXIS_ALLOWED_ORIGINS: options.allowedOrigins.join(","),
      PRAXIS_DATA_DIR: options.dataDir,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let dead = false;
  void exited.then(() => (dead = true));
  while (!dead && Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      // 503 means the runner is up but Docker is not reachable: the site still serves, and starting a
      // lab says why it cannot (the runner logged how to fix it).
      if (res.ok || res.status === 503) return { url, pid: child.pid!, token, exited, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(dead ? `the runner exited with code ${await exited} during start-up (see its log above)` : `the runner did not become healthy at ${url}`);
}
