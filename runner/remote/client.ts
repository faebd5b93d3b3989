/**
 * A typed HTTP client for the runner API, for server-to-server callers: the web app (through its one
 * server-only module app/_server/runner-client.ts), the bench and tests. It encodes an EnvironmentSpec
 * into the wire body (file bytes as base64, the inverse of api/session-body.ts) and turns error
 * responses into RunnerRequestError carrying the runner's status and code, so callers map them once.
 */
import { requestDeadlineMs, type CheckOutcome, type CheckRequest } from "../checks/request";
import type { EnvironmentSpec } from "../environment/spec";
import { SseParser } from "./sse";

export interface SessionView {
  id: string;
  labId: string;
  state: "provisioning" | "warm" | "ready" | "expired" | "stopped" | "failed";
  createdAt: string;
  expiresAt: string;
  lastActivityAt: string;
  hosts: { name: string }[];
  error?: string;
}

/** One provisioning event as the runner streams it (see api/routes-events.ts). */
export type SessionStreamEvent =
  | { type: "steps"; steps: string[] }
  | { type: "progress"; step: string; status: "started" | "progress" | "done" | "failed"; message: string; elapsedMs: number; at: string }
  | { type: "state"; session: SessionView };

export type CheckView = CheckOutcome;

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
  /** Per-request timeout; following a session's provisioning gets its own, longer one. */
  timeoutMs?: number;
  createTimeoutMs?: number;
}

export class RunnerHttpClient {
  constructor(private readonly options: RunnerClientOptions) {}

  /** Starts a session: ready at once when a warm-pool member was claimed, else provisioning. */
  startSession(spec: EnvironmentSpec): Promise<SessionView> {
    return this.call("POST", "/sessions", encodeCreateSession(spec));
  }

  /** Starts a session and follows its events until it is ready; a failed provisioning rejects (502). */
  async createSession(spec: EnvironmentSpec): Promise<SessionView> {
    const started = await this.startSession(spec);
    return started.state === "ready" ? started : this.waitUntilSettled(started.id);
  }

  /** Follows a provisioning session until it is ready (resolves) or not (rejects with its error). */
  async waitUntilSettled(id: string): Promise<SessionView> {
    let last: SessionView | undefined;
    for await (const e of this.followEvents(id, this.options.createTimeoutMs ?? 15 * 60_000)) if (e.type === "state") last = e.session;
    if (last?.state === "ready") return last;
    throw new RunnerRequestError(502, "provisioning_failed", last?.error ?? `session ${id} ended ${last?.state ?? "without a state"}`);
  }

  /** The runner's event stream for a session, raw (for proxying it to a browser). */
  async openEvents(id: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const res = await this.request("GET", `/sessions/${encodeURIComponent(id)}/events`, undefined, signal);
    if (!res.ok || !res.body) throw await this.failure(res, "GET", "/events");
    return res.body;
  }

  /** The session's events, parsed, until the runner ends the stream (the session left provisioning). */
  async *followEvents(id: string, timeoutMs: number): AsyncGenerator<SessionStreamEvent> {
    const body = await this.openEvents(id, AbortSignal.timeout(timeoutMs));
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const m of parser.feed(decoder.decode(value, { stream: true }))) {
        const data = JSON.parse(m.data) as Record<string, unknown>;
        if (m.event === "state") yield { type: "state", session: data as unknown as SessionView };
        else yield { type: m.event, ...data } as SessionStreamEvent;
      }
    }
  }

  extendSession(id: string, byMs: number): Promise<SessionView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/extend`, { byMs });
  }

  /** Re-provisions the session's environment; answers at once with the session provisioning. */
  resetSession(id: string): Promise<SessionView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/reset`, {});
  }

  runCheck(id: string, check: CheckRequest): Promise<CheckView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/checks`, check, requestDeadlineMs(check));
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

  private async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    try {
      return await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ?? AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new RunnerRequestError(0, "unreachable", `runner at ${this.options.baseUrl} is unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async failure(res: Response, method: string, path: string): Promise<RunnerRequestError> {
    const text = await res.text().catch(() => "");
    let error: { code?: string; message?: string } | undefined;
    try {
      error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    } catch {
      // not JSON: keep the generic message
    }
    return new RunnerRequestError(res.status, error?.code ?? "http_error", error?.message ?? `runner answered ${res.status} to ${method} ${path}`);
  }

  private async call<T>(method: string, path: string, body?: unknown, timeoutMs = this.options.timeoutMs ?? 30_000): Promise<T> {
    const res = await this.request(method, path, body, AbortSignal.timeout(timeoutMs));
    if (!res.ok) throw await this.failure(res, method, path);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
