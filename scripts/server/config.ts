/**
 * Configuration of `npm start` (scripts/start.ts), parsed once from the environment with embedded
 * defaults so a fresh clone starts with no variables at all: site on 127.0.0.1:3000, data in ./data,
 * SQLite, and an embedded runner child. Setting PRAXIS_RUNNER_URL + PRAXIS_RUNNER_TOKEN switches to a
 * remote runner (production: separate processes). Every problem is listed at once; see .env.example.
 */
import path from "node:path";
import { parseTrustedProxies } from "./client-address";

export interface StartConfig {
  host: string;
  port: number;
  /** Origins browsers use to reach the site; the runner accepts terminal WebSockets only from these. */
  publicOrigins: readonly string[];
  dataDir: string;
  databaseUrl?: string;
  /** Reverse proxies whose X-Forwarded-For names the client (client-address.ts). */
  trustedProxies: ReadonlySet<string>;
  /** Set when an external runner is used instead of the embedded child. */
  remoteRunner?: { url: string; token: string };
}

export class StartConfigError extends Error {
  override readonly name = "StartConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseStartConfig(env: Env, repoRoot: string): Readonly<StartConfig> {
  const problems: string[] = [];
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.PRAXIS_HOST?.trim() || "127.0.0.1";

  const given = (env.PRAXIS_PUBLIC_ORIGIN ?? "").split(",").map((s) => s.trim().replace(/\/$/, "")).filter(Boolean);
  for (const origin of given) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`PRAXIS_PUBLIC_ORIGIN: "${origin}" is not a bare origin like https://labs.example.org`);
  }
  // Browsers name the local site either way; both must pass the runner's Origin check.
  const publicOrigins = given.length > 0 ? given : [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

  const url = env.PRAXIS_RUNNER_URL?.trim();
  const token = env.PRAXIS_RUNNER_TOKEN?.trim();
  let remoteRunner: StartConfig["remoteRunner"];
  if (url) {
    if (!/^https?:\/\//.test(url)) problems.push(`PRAXIS_RUNNER_URL must be an http(s) URL, got "${url}"`);
    if (!token || token.length < 32) problems.push("PRAXIS_RUNNER_TOKEN must be set (32+ characters) when PRAXIS_RUNNER_URL is set");
    remoteRunner = { url: url.replace(/\/$/, ""), token: token ?? "" };
  }
  let trustedProxies: ReadonlySet<string> = new Set();
  try {
    trustedProxies = parseTrustedProxies(env.PRAXIS_TRUSTED_PROXIES);
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (problems.length > 0) throw new StartConfigError(problems);
  return Object.freeze({
    host,
    port,
    publicOrigins: Object.freeze(publicOrigins),
    dataDir: path.resolve(repoRoot, env.PRAXIS_DATA_DIR?.trim() || "data"),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    trustedProxies,
    remoteRunner,
  });
}
