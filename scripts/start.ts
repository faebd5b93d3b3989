/**
 * `npm start`: the whole product in one command with embedded defaults. Applies database migrations,
 * starts the runner as a child process on loopback with a token generated for this run (unless
 * PRAXIS_RUNNER_URL names an external runner), then serves the built Next.js site from a small custom
 * Node server that also forwards WebSocket upgrades on /api/terminal to the runner's /terminal (and those to a
 * lab's web service, once this server has checked the learner may open them: service-upgrade.ts), so
 * browsers only ever talk to the site. Ctrl-C (or SIGTERM) stops the site and the runner.
 * The composition root of the web process: the only place that reads process.env for these settings.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import next from "next";
import { needsSetup } from "../app/_server/auth/accounts";
import { withoutPraxisCookies } from "../app/_server/player/proxy-headers";
import { authorizeServiceUpgrade, isServiceUpgradePath } from "../app/_server/player/service-upgrade";
import { LabSessionError, runnerClient } from "../app/_server/runner-client";
import { parseLabRuntimeConfig } from "../app/_server/runner-config";
import { startWarmScheduler } from "../app/_server/workshops/warm-scheduler";
import { migrateDatabase, openDatabase } from "../prisma/db";
import { clientAddress } from "./server/client-address";
import { parseStartConfig, StartConfigError } from "./server/config";
import { startRunnerChild, type RunnerChild } from "./server/runner-child";
import { proxyWebSocket } from "./server/ws-proxy";

const repoRoot = path.resolve(import.meta.dirname, "..");
// A .env beside package.json is honoured (variables already set in the environment win); see .env.example.
if (existsSync(path.join(repoRoot, ".env"))) process.loadEnvFile(path.join(repoRoot, ".env"));
const say = (message: string) => process.stderr.write(`praxis: ${message}\n`);

let config: ReturnType<typeof parseStartConfig>;
try {
  config = parseStartConfig(process.env, repoRoot);
} catch (err) {
  if (!(err instanceof StartConfigError)) throw err;
  say(`${err.message}\nSee .env.example for every variable.`);
  process.exit(2);
}

const migration = await migrateDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
say(migration.applied.length > 0 ? `database migrated (${migration.applied.join(", ")})` : "database is up to date");

let child: RunnerChild | undefined;
let runner: { url: string; token: string };
if (config.remoteRunner) {
  runner = config.remoteRunner;
  say(`using the runner at ${runner.url}`);
} else {
  child = await startRunnerChild({ node: process.execPath, repoRoot, env: process.env, allowedOrigins: config.publicOrigins, dataDir: config.dataDir });
  runner = child;
  say(`runner started on ${child.url} (loopback only, token generated for this run)`);
}

// The Next.js route handlers run in this process and read their settings from the environment
// (app/_server/runner-config.ts); hand them the resolved values rather than what the user typed.
Object.assign(process.env, {
  PRAXIS_RUNNER_URL: runner.url,
  PRAXIS_RUNNER_TOKEN: runner.token,
  PRAXIS_DATA_DIR: config.dataDir,
  PRAXIS_PUBLIC_ORIGIN: config.publicOrigins.join(","),
  ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
});

// Next.js would attach its own upgrade listener to our server on the first request, and it ends every
// upgrade whose path matches an app route, such as a lab service's WebSocket. Praxis routes its upgrades
// itself (below), so Next gets a server of its own that never listens.
const app = next({ dev: false, dir: repoRoot, hostname: config.host, port: config.port, httpServer: createServer() });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => {
  // The login rate limit counts failures per client address (app/_server/auth/config.ts). Stamp it from
  // the TCP socket (or a trusted proxy's X-Forwarded-For), replacing any header of that name the client
  // sent, so no client can choose its own.
  req.headers["x-praxis-client-ip"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.trustedProxies);
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  const url = new URL(req.url ?? "/", "http://site.invalid");
  if (isServiceUpgradePath(url.pathname)) {
    void proxyServiceUpgrade(req, socket, head, url);
    return;
  }
  if (url.pathname !== "/api/terminal") {
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  proxyWebSocket(req, socket, head, new URL(`/terminal${url.search}`, runner.url));
});
/** A WebSocket to a lab's web service: the learner's own session and a declared port only, from our own pages. */
async function proxyServiceUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
  const refuse = (status: number, text: string): void => void socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.on("error", () => socket.destroy());
  // Cookies make this request the learner's, so another site's page must not be able to open it.
  if (req.headers.origin && !config.publicOrigins.includes(req.headers.origin)) return refuse(403, "Forbidden");
  let path: string;
  try {
    path = await authorizeServiceUpgrade(process.env, repoRoot, url, req.headers.cookie);
  } catch (err) {
    if (err instanceof LabSessionError) return refuse(err.kind === "bad_request" ? 400 : 404, err.kind === "bad_request" ? "Bad Request" : "Not Found");
    say(`service WebSocket ${url.pathname} failed: ${err instanceof Error ? err.message : String(err)}`);
    return refuse(502, "Bad Gateway");
  }
  proxyWebSocket(req, socket, head, new URL(path, runner.url), { authorization: `Bearer ${runner.token}`, cookie: withoutPraxisCookies(req.headers.cookie) });
}

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(config.port, config.host, () => resolve());
});
say(`Praxis is running at ${config.publicOrigins[0]} (listening on ${config.host}:${config.port}; Ctrl-C stops it)`);
if (await firstAdminMissing()) say(`no instructor account yet: create the first admin at ${config.publicOrigins[0]}/setup`);

// Workshops warm up before their start and stop warming at their end by the clock, dashboard open or not.
const stopWarmScheduler = startWarmScheduler({
  open: async () => {
    const labConfig = parseLabRuntimeConfig(process.env, repoRoot);
    const db = await openDatabase({ dataDir: labConfig.dataDir, databaseUrl: labConfig.databaseUrl });
    return { prisma: db.prisma, runner: runnerClient(labConfig), close: () => db.close() };
  },
  intervalMs: 30_000,
  onError: (err) => say(`keeping workshop warm pools up to date failed (retrying in 30 s): ${err instanceof Error ? err.message : String(err)}`),
});

/** Whether /setup is still open; a failed check only costs the hint, never the start. */
async function firstAdminMissing(): Promise<boolean> {
  try {
    const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    try {
      return await needsSetup(db.prisma);
    } finally {
      await db.close();
    }
  } catch {
    return false;
  }
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopWarmScheduler();
  setTimeout(() => process.exit(code || 1), 15_000).unref();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await child?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
void child?.exited.then((code) => {
  if (stopping) return;
  say(`the runner exited unexpectedly (code ${code}); stopping`);
  void shutdown(1);
});
