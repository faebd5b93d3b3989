/**
 * A typed HTTP client for the runner API, for server-to-server callers: the web app (through its one
 * server-only module app/_server/runner-client.ts), the bench and tests. It encodes an EnvironmentSpec
 * into the wire body (file bytes as base64, the inverse of api/session-body.ts) and turns error
 * responses into RunnerRequestError carrying the runner's status and code, so callers map them once.
 */
import type { EnvironmentSpec } from "../environment/spec";

export interface SessionView {
  id: string;
  labId: string;
  state: "provisioning" | "ready" | "expired" | "stopped" | "failed";
  createdAt: string;
  expiresAt: string;
  lastActivityAt: string;
  hosts: { name: string }[];
  error?: string;
}

export interface TicketView {
  ticket: string;
  expiresAt: string;
  /** Path + query on the runner, e.g. /terminal?ticket=… */
  path: string;
}

export class RunnerRequestError extends Error {
  override readonly name = "RunnerRequestError";
  constructor(
    /** HTTP status, or 0 when the runner could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function encodeCreateSession(spec: EnvironmentSpec) {
  return {
    spec: {
      labId: spec.labId,
      egress: spec.egress,
      hosts: spec.hosts.map(({ files, ...host }) => ({
        ...host,
        files: files.map((f) => ({ targetPath: f.targetPath, mode: f.mode, contentBase64: Buffer.from(f.content).toString("base64") })),
      })),
    },
  };
}

export interface RunnerClientOptions {
  baseUrl: string;
  token: string;
  /** Per-request timeout; creating a session waits for provisioning, so it gets its own, longer one. */
  timeoutMs?: number;
  createTimeoutMs?: number;
}

export class RunnerHttpClient {
  constructor(private readonly options: RunnerClientOptions) {}

  createSession(spec: EnvironmentSpec): Promise<SessionView> {
    return this.call("POST", "/sessions", encodeCreateSession(spec), this.options.createTimeoutMs ?? 15 * 60_000);
  }

  getSession(id: string): Promise<SessionView> {
    return this.call("GET", `/sessions/${encodeURIComponent(id)}`);
  }

  async listSessions(): Promise<SessionView[]> {
    return (await this.call<{ sessions: SessionView[] }>("GET", "/sessions")).sessions;
  }

  stopSession(id: string): Promise<SessionView> {
    return this.call("DELETE", `/sessions/${encodeURIComponent(id)}`);
  }

  mintTicket(id: string, host: string, terminalId = "main"): Promise<TicketView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/tickets`, { host, terminalId });
  }

  private async call<T>(method: string, path: string, body?: unknown, timeoutMs = this.options.timeoutMs ?? 30_000): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new RunnerRequestError(0, "unreachable", `runner at ${this.options.baseUrl} is unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new RunnerRequestError(res.status, error?.code ?? "http_error", error?.message ?? `runner answered ${res.status} to ${method} ${path}`);
    }
    return json as T;
  }
}
