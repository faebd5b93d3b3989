/**
 * The runner API's configuration, parsed once at start-up from an environment record (the composition
 * root passes process.env) into a frozen object; every problem is reported at once. There are no
 * default secrets: the API token must be given, and the ticket secret is either given or generated and
 * persisted in the data directory (ticket-secret.ts). Documented in .env.example.
 */

export interface RunnerApiConfig {
  host: string;
  port: number;
  dataDir: string;
  apiToken: string;
  /** Undefined: generate/persist one in dataDir. */
  ticketSecret?: Uint8Array;
  allowedOrigins: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid runner configuration:\n  - ${problems.join("\n  - ")}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseRunnerApiConfig(env: Env): Readonly<RunnerApiConfig> {
  const problems: string[] = [];
  const apiToken = env.PRAXIS_RUNNER_TOKEN ?? "";
  if (apiToken.length < 32) problems.push("PRAXIS_RUNNER_TOKEN must be set to at least 32 characters (e.g. `openssl rand -hex 32`)");

  let ticketSecret: Uint8Array | undefined;
  if (env.PRAXIS_TICKET_SECRET) {
    ticketSecret = Buffer.from(env.PRAXIS_TICKET_SECRET, "base64");
    if (ticketSecret.length < 32) problems.push("PRAXIS_TICKET_SECRET must be base64 of at least 32 bytes (or unset to generate one)");
  }

  const allowedOrigins = (env.PRAXIS_ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (allowedOrigins.length === 0) problems.push("PRAXIS_ALLOWED_ORIGINS must list the web app's origin(s), comma-separated");
  for (const origin of allowedOrigins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, "")) problems.push(`PRAXIS_ALLOWED_ORIGINS: ${origin} is not a bare origin (scheme://host[:port])`);
    } catch {
      problems.push(`PRAXIS_ALLOWED_ORIGINS: ${origin} is not a URL`);
    }
  }

  const port = Number(env.PRAXIS_RUNNER_PORT ?? "4100");
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`PRAXIS_RUNNER_PORT must be a port number, got ${env.PRAXIS_RUNNER_PORT}`);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    // Loopback by default: the API must not be reachable from lab containers (see environment/security.ts).
    host: env.PRAXIS_RUNNER_HOST ?? "127.0.0.1",
    port,
    dataDir: env.PRAXIS_DATA_DIR ?? "data",
    apiToken,
    ticketSecret,
    allowedOrigins: Object.freeze(allowedOrigins),
  });
}
