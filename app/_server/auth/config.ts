/**
 * Settings of instructor authentication, parsed from the environment at the request edge (like
 * runner-config.ts): where the database is, which origins count as "this site" for the CSRF Origin
 * check, and whether cookies need the Secure flag — always with PRAXIS_SECURE_COOKIES=1 or an https
 * PRAXIS_PUBLIC_ORIGIN, and per request when the request itself arrived over https.
 */
import { parseIdentityConfig } from "../runner-config";
import { DEFAULT_LOGIN_POLICY, type RateLimitPolicy } from "./rate-limit";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "./sessions";

export interface AuthConfig {
  dataDir: string;
  databaseUrl?: string;
  publicOrigins: readonly string[];
  /** Secure cookies whatever the request's scheme. */
  secureCookies: boolean;
  session: SessionPolicy;
  login: RateLimitPolicy;
}

export function parseAuthConfig(env: Record<string, string | undefined>, repoRoot: string): AuthConfig {
  const identity = parseIdentityConfig(env, repoRoot);
  const forced = env.PRAXIS_SECURE_COOKIES?.trim();
  return Object.freeze({
    dataDir: identity.dataDir,
    databaseUrl: identity.databaseUrl,
    publicOrigins: identity.publicOrigins,
    secureCookies: forced === "1" || forced === "true" || identity.secureCookies,
    session: DEFAULT_SESSION_POLICY,
    login: DEFAULT_LOGIN_POLICY,
  });
}

/** Whether cookies set in answer to this request must be Secure. */
export function secureFor(request: Request, config: AuthConfig): boolean {
  return config.secureCookies || new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * The client's address for the per-address login limit. scripts/start.ts stamps it from the TCP socket
 * into `x-praxis-client-ip`, replacing anything the client sent, so it cannot be forged; without that
 * server every client shares one "unknown" address (still limited, just coarser).
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-praxis-client-ip")?.trim() || "unknown";
}
