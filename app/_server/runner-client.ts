/**
 * Server-only: the web app's one boundary to the runner. Route handlers call these functions and never
 * fetch the runner themselves; the bearer token stays on the server. Wire types become the app's own
 * LiveSession shape here, and runner errors become LabSessionError kinds the routes map to statuses.
 */
import { RunnerHttpClient, RunnerRequestError, type CapacityView, type PoolTargets, type ScriptRunRequest, type ScriptRunView, type ServiceRequest, type SessionView } from "../../runner/remote/client";
import type { EnvironmentSpec } from "../../runner/environment/spec";
import type { CheckRequest } from "../../runner/checks/request";
import type { LabRuntimeConfig } from "./runner-config";

export type LabSessionErrorKind = "bad_request" | "not_found" | "at_capacity" | "invalid_lab" | "runner_unavailable" | "conflict" | "failed";

export class LabSessionError extends Error {
  override readonly name = "LabSessionError";
  constructor(readonly kind: LabSessionErrorKind, message: string) {
    super(message);
  }
}

export interface LiveSession {
  id: string;
  labId: string;
  state: SessionView["state"];
  expiresAt: string;
  hosts: string[];
  error?: string;
}

const toLive = (v: SessionView): LiveSession => ({ id: v.id, labId: v.labId, state: v.state, expiresAt: v.expiresAt, hosts: v.hosts.map((h) => h.name), ...(v.error ? { error: v.error } : {}) });

function mapError(err: unknown): never {
  if (!(err instanceof RunnerRequestError)) throw err;
  if (err.status === 0 || err.status === 401 || err.code === "runtime_unavailable") throw new LabSessionError("runner_unavailable", "the lab runner is unavailable; try again in a minute");
  if (err.status === 404) throw new LabSessionError("not_found", err.message);
  if (err.status === 503) throw new LabSessionError("at_capacity", "all lab environments are busy; try again in a few minutes");
  if (err.code === "invalid_environment") throw new LabSessionError("invalid_lab", err.message);
  if (err.status === 409) throw new LabSessionError("conflict", err.message);
  throw new LabSessionError("failed", err.message);
}

export interface RunnerClient {
  /** Claims a warm environment (ready at once) or starts provisioning one (follow `events`); `timeLimitMs` replaces the runner's default. */
  start(spec: EnvironmentSpec, opts?: { timeLimitMs?: number }): Promise<LiveSession>;
  /** Every session the runner knows (warm-pool members included). */
  list(): Promise<LiveSession[]>;
  /** Null when the runner no longer knows the session (ended and forgotten, or runner replaced). */
  find(id: string): Promise<LiveSession | null>;
  stop(id: string): Promise<void>;
  /** Path + query of the site's terminal WebSocket for this ticket; read-only for an instructor's shadow view. */
  terminalPath(id: string, host: string, terminalId?: string, opts?: { readOnly?: boolean }): Promise<string>;
  /** Ends the shell of one of a host's terminals for good (the player closed its tab). */
  closeTerminal(id: string, host: string, terminalId: string): Promise<void>;
  /** The runner's Server-Sent Events of the session's provisioning, as bytes to pass on to the browser. */
  events(id: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  extend(id: string, byMs: number): Promise<LiveSession>;
  /** Re-provisions the environment; the session comes back provisioning. */
  reset(id: string): Promise<LiveSession>;
  /** Runs one check script on a host of the session. */
  check(id: string, check: CheckRequest, opts?: { background?: boolean }): Promise<CheckOutcome>;
  /** Runs a step's setup or solve script on a host of the session (a non-zero exit is a result, not an error). */
  runScript(id: string, run: ScriptRunRequest): Promise<ScriptRunView>;
  /** Relays one HTTP request to a web service on a port inside a host; answers with the service's response. */
  service(id: string, host: string, port: number, req: ServiceRequest): Promise<Response>;
  /** The host's session and memory limits and their current use. */
  capacity(): Promise<CapacityView>;
  /** Replaces the runtime warm-pool targets (lab id -> count; {} gives every seat back). */
  setPoolTargets(targets: Record<string, number>): Promise<PoolTargets>;
}

export interface CheckOutcome {
  passed: boolean;
  message: string;
  /** The check's captured output (scripts), for the record; never shown as the learner's message. */
  output?: string;
  durationMs?: number;
}

export type { CapacityView, CheckRequest, PoolTargets, ScriptRunRequest, ScriptRunView, ServiceRequest };

export function runnerClient(config: LabRuntimeConfig): RunnerClient {
  const http = new RunnerHttpClient({ baseUrl: config.runnerUrl, token: config.runnerToken });
  return {
    start: (spec, opts) => http.startSession(spec, opts).then(toLive, mapError),
    list: () => http.listSessions().then((all) => all.map(toLive), mapError),
    find: (id) =>
      http.getSession(id).then(toLive, (err: unknown) => {
        if (err instanceof RunnerRequestError && err.status === 404) return null;
        return mapError(err);
      }),
    stop: (id) =>
      http.stopSession(id).then(
        () => undefined,
        (err: unknown) => (err instanceof RunnerRequestError && err.status === 404 ? undefined : mapError(err)),
      ),
    terminalPath: (id, host, terminalId, opts) => http.mintTicket(id, host, terminalId, opts).then((t) => `/api/terminal?ticket=${encodeURIComponent(t.ticket)}`, mapError),
    closeTerminal: (id, host, terminalId) => http.closeTerminal(id, host, terminalId).catch(mapError),
    events: (id, signal) => http.openEvents(id, signal).catch(mapError),
    extend: (id, byMs) => http.extendSession(id, byMs).then(toLive, mapError),
    reset: (id) => http.resetSession(id).then(toLive, mapError),
    check: (id, check, opts) => http.runCheck(id, check, opts).then((r) => ({ passed: r.passed, message: r.message, output: r.output ?? "", durationMs: r.durationMs }), mapError),
    runScript: (id, run) => http.runScript(id, run).catch(mapError),
    service: (id, host, port, req) => http.proxyService(id, host, port, req).catch(mapError),
    capacity: () => http.capacity().catch(mapError),
    setPoolTargets: (targets) => http.setPoolTargets(targets).catch(mapError),
  };
}
