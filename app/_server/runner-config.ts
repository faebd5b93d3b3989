/**
 * Settings the web process needs to reach the runner and the database, parsed from an environment
 * record in one place. scripts/start.ts resolves them (embedded runner or PRAXIS_RUNNER_URL) and puts
 * the resolved values in the environment of the process Next.js runs in; nothing else below app/ reads
 * these variables. A missing runner is a typed error so routes can answer 503 with a clear message.
 */
import path from "node:path";

/** What learner identity needs (database, cookie flags, public origin); no runner required. */
export interface IdentityConfig {
  dataDir: string;
  databaseUrl?: string;
  /** Whether the learner cookie needs the Secure flag (the site is served over https). */
  secureCookies: boolean;
  /** PRAXIS_PUBLIC_ORIGIN, comma-separated (e.g. https://labs.example.org): where links the learner takes elsewhere point. */
  publicOrigins: readonly string[];
}

export interface LabRuntimeConfig extends IdentityConfig {
  runnerUrl: string;
  runnerToken: string;
}

export class RunnerNotConfigured extends Error {
  override readonly name = "RunnerNotConfigured";
}

export function parseLabRuntimeConfig(env: Record<string, string | undefined>, repoRoot: string): LabRuntimeConfig {
  const runnerUrl = env.PRAXIS_RUNNER_URL?.trim();
  const runnerToken = env.PRAXIS_RUNNER_TOKEN?.trim();
  if (!runnerUrl || !runnerToken) {
    throw new RunnerNotConfigured("no lab runner is configured: start the site with `npm start`, or set PRAXIS_RUNNER_URL and PRAXIS_RUNNER_TOKEN");
  }
  return { runnerUrl, runnerToken, ...parseIdentityConfig(env, repoRoot) };
}

export function parseIdentityConfig(env: Record<string, string | undefined>, repoRoot: string): IdentityConfig {
  const origins = (env.PRAXIS_PUBLIC_ORIGIN ?? "").split(",").map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean);
  return {
    dataDir: path.resolve(repoRoot, env.PRAXIS_DATA_DIR?.trim() || "data"),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    secureCookies: (env.PRAXIS_PUBLIC_ORIGIN ?? "").startsWith("https://"),
    publicOrigins: origins,
  };
}

/** The origin for a link the learner will open elsewhere: the request's own when it is a public one, else the first public one. */
export function linkOrigin(requestUrl: string, config: IdentityConfig): string {
  const own = new URL(requestUrl).origin;
  return config.publicOrigins.includes(own) || config.publicOrigins.length === 0 ? own : config.publicOrigins[0]!;
}
