/**
 * Everything the runner process is configured with, parsed once at start-up from an environment record
 * (main.ts passes process.env) into a frozen object. The API part (token, origins, port, ticket secret)
 * is parsed by api/config.ts; this adds the session limits, reaper cadence and engine connection, and
 * reports every problem of both at once so an operator fixes them in one pass. See .env.example.
 */
import path from "node:path";
import { ConfigError, parseRunnerApiConfig, type RunnerApiConfig } from "../api/config";
import type { LogLevel } from "../api/logger";
import { parseWarmPool } from "../pool/pool-config";
import type { SessionLimits } from "../sessions/manager";

export interface RunnerSettings {
  api: Readonly<RunnerApiConfig>;
  /** Label value marking this runner's containers; reconciliation only touches its own. */
  runnerId: string;
  limits: SessionLimits;
  reaperIntervalMs: number;
  /** Lab id -> warm environments to keep ready (PRAXIS_WARM_POOL="lab=2,other=1"); empty = no pool. */
  warmPool: ReadonlyMap<string, number>;
  /** unix socket of the Docker engine (DOCKER_HOST=unix://…); undefined = /var/run/docker.sock. */
  dockerSocket?: string;
  imagesDir: string;
  labDirs: readonly string[];
  logLevel: LogLevel;
}

type Env = Readonly<Record<string, string | undefined>>;
const MIB = 1024 * 1024;
const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

function positive(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) problems.push(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function parseRunnerSettings(env: Env, repoRoot: string, labDirs: readonly string[]): Readonly<RunnerSettings> {
  const problems: string[] = [];
  let api: Readonly<RunnerApiConfig> | undefined;
  try {
    api = parseRunnerApiConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const minutes = (name: string, fallback: number) => positive(env, name, fallback, problems) * 60_000;
  const limits: SessionLimits = {
    maxSessions: Math.floor(positive(env, "PRAXIS_MAX_SESSIONS", 20, problems)),
    maxMemoryBytes: positive(env, "PRAXIS_MAX_MEMORY_MIB", 16 * 1024, problems) * MIB,
    timeLimitMs: minutes("PRAXIS_SESSION_TIME_LIMIT_MINUTES", 120),
    idleTimeoutMs: minutes("PRAXIS_SESSION_IDLE_MINUTES", 30),
    maxLifetimeMs: minutes("PRAXIS_SESSION_MAX_LIFETIME_MINUTES", 480),
  };
  const reaperIntervalMs = positive(env, "PRAXIS_REAPER_INTERVAL_SECONDS", 30, problems) * 1000;
  const warmPool = parseWarmPool(env.PRAXIS_WARM_POOL);
  problems.push(...warmPool.problems);
  const runnerId = env.PRAXIS_RUNNER_ID ?? "runner";
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(runnerId) || runnerId === "cli") {
    problems.push(`PRAXIS_RUNNER_ID must be a lowercase name (a-z, 0-9, -) other than "cli", got "${runnerId}"`);
  }
  const dockerHost = env.DOCKER_HOST;
  if (dockerHost && !dockerHost.startsWith("unix://")) problems.push(`DOCKER_HOST must be a unix:// socket, got "${dockerHost}"`);
  const logLevel = (env.PRAXIS_LOG_LEVEL ?? "info") as LogLevel;
  if (!LEVELS.includes(logLevel)) problems.push(`PRAXIS_LOG_LEVEL must be one of ${LEVELS.join(", ")}, got "${logLevel}"`);
  if (problems.length > 0 || !api) throw new ConfigError(problems);
  return Object.freeze({
    api: { ...api, dataDir: path.resolve(repoRoot, api.dataDir) },
    runnerId,
    limits,
    reaperIntervalMs,
    warmPool: warmPool.targets,
    dockerSocket: dockerHost?.slice("unix://".length),
    imagesDir: path.join(repoRoot, "images"),
    labDirs,
    logLevel,
  });
}
