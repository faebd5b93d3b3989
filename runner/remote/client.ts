/**
 * A typed HTTP client for the runner API, for server-to-server callers: the web app (through its one
 * server-only module app/_server/runner-client.ts), the bench and tests. It encodes an EnvironmentSpec
 * into the wire body (file bytes as base64, the inverse of api/session-body.ts) and turns error
 * responses into RunnerRequestError carrying the runner's status and code, so callers map them once.
 */
import { requestDeadlineMs, type CheckOutcome, type CheckRequest } from "../checks/request";
import type { EnvironmentSpec } from "../environment/spec";
import type { Listing, ReadResult } from "../files/host-files";
import type { ScriptRunView } from "../api/routes-scripts";
import { HOP_BY_HOP, SERVICE_MARKER, type HeaderList } from "../services/http-wire";
import { SseParser } from "./sse";
import type { CapacityView } from "../sessions/manager-types";
import type { PoolTargets } from "../pool/warm-pool";

export type { CapacityView, PoolTargets };

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

export type { ScriptRunView };
export interface ScriptRunRequest {
  host: string;
  script: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** One browser request to pass on to a service: `target` is its path and query as the service sees them. */
export interface ServiceRequest {
  method: string;
  target: string;
  headers: HeaderList;
  body?: Uint8Array;
  signal?: AbortSignal;
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
      ...(spec.cluster && { cluster: spec.cluster }),
      hosts: spec.hosts.map(({ files, ...host }) => ({
        ...host,
        files: files.map((f) => ({ targetPath: f.targetPath, mode: f.mode, contentBase64: Buffer.from(f.content).toString("base64") })),
      })),
    },
  };
}

/** The runner's file routes take the path and the allowed roots as query parameters (api/routes-files.ts). */
function filesPath(id: string, host: string, route: "files" | "file", path: string, roots: readonly string[]): string {
  const query = new URLSearchParams([["path", path], ...roots.map((r): [string, string] => ["root", r])]);
  return `/sessions/${encodeURIComponent(id)}/hosts/${encodeURIComponent(host)}/${route}?${query}`;
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
  startSession(spec: EnvironmentSpec, opts: { timeLimitMs?: number } = {}): Promise<SessionView> {
    return this.call("POST", "/sessions", { ...encodeCreateSession(spec), ...(opts.timeLimitMs ? { timeLimitMs: opts.timeLimitMs } : {}) });
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

  /** `background`: an automatic re-check, which must not count as learner activity (idle timeout). */
  runCheck(id: string, check: CheckRequest, opts: { background?: boolean } = {}): Promise<CheckView> {
    const query = opts.background ? "?background=1" : "";
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/checks${query}`, check, requestDeadlineMs(check));
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

  /** A terminal ticket; `readOnly` for a shadow view (the runner drops its keystrokes). */
  mintTicket(id: string, host: string, terminalId = "main", opts: { readOnly?: boolean } = {}): Promise<TicketView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/tickets`, { host, terminalId, ...(opts.readOnly ? { readOnly: true } : {}) });
  }

  /** Ends one terminal's shell (its tmux session) on a host; the learner closed its tab. */
  closeTerminal(id: string, host: string, terminalId: string): Promise<void> {
    return this.call("DELETE", `/sessions/${encodeURIComponent(id)}/hosts/${encodeURIComponent(host)}/terminals/${encodeURIComponent(terminalId)}`);
  }

  /** The host's session and memory limits and their current use. */
  capacity(): Promise<CapacityView> {
    return this.call("GET", "/capacity");
  }

  poolTargets(): Promise<PoolTargets> {
    return this.call("GET", "/pool/targets");
  }

  /** Replaces the runtime warm-pool targets (lab id -> count); the pool fills or trims in the background. */
  setPoolTargets(targets: Record<string, number>): Promise<PoolTargets> {
    return this.call("PUT", "/pool/targets", targets);
  }

  /** One directory level of a host's files, confined to `roots` (the lab's editor paths). */
  listFiles(id: string, host: string, path: string, roots: readonly string[]): Promise<Listing> {
    return this.call("GET", filesPath(id, host, "files", path, roots));
  }

  /** A file's content (text, or reported as binary), confined to `roots`. */
  readFile(id: string, host: string, path: string, roots: readonly string[]): Promise<ReadResult> {
    return this.call("GET", filesPath(id, host, "file", path, roots));
  }

  /** Creates or replaces a text file, confined to `roots`; an existing file keeps its mode and owner. */
  writeFile(id: string, host: string, path: string, roots: readonly string[], content: string): Promise<{ path: string; size: number }> {
    return this.call("PUT", filesPath(id, host, "file", path, roots), { content });
  }

  /** Runs a script (a step's setup or solve) on a host of a ready session; output comes back merged and capped. */
  runScript(id: string, run: ScriptRunRequest): Promise<ScriptRunView> {
    return this.call("POST", `/sessions/${encodeURIComponent(id)}/scripts`, run, (run.timeoutMs ?? 5 * 60_000) + 30_000);
  }

  /**
   * Relays one HTTP request to a web service on `port` inside a host (api/routes-services.ts) and returns
   * the service's answer as is; redirects are not followed, they belong to the browser. A runner error
   * (no such session, nothing listening) rejects with RunnerRequestError instead.
   */
  async proxyService(id: string, host: string, port: number, req: ServiceRequest): Promise<Response> {
    const path = `/sessions/${encodeURIComponent(id)}/services/${encodeURIComponent(host)}/${port}${req.target}`;
    const headers = new Headers();
    for (const [name, value] of req.headers) if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
    headers.set("authorization", `Bearer ${this.options.token}`);
    // The deadline is for the answer to begin; its body may stream for as long as the caller reads it.
    const headDeadline = new AbortController();
    const timer = setTimeout(() => headDeadline.abort(new Error("no answer within 60 s")), 60_000);
    let res: Response;
    try {
      res = await fetch(new URL(path, this.options.baseUrl), {
        method: req.method,
        headers,
        body: req.body && req.body.length > 0 ? req.body.slice() : undefined,
        redirect: "manual",
        signal: req.signal ? AbortSignal.any([req.signal, headDeadline.signal]) : headDeadline.signal,
      });
    } catch (err) {
      throw new RunnerRequestError(0, "unreachable", `runner at ${this.options.baseUrl} is unreachable: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
    }
    if (res.headers.get(SERVICE_MARKER) !== "1") throw await this.failure(res, req.method, path);
    return res;
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
