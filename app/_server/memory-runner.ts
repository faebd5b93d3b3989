/**
 * An in-memory RunnerClient for the web app's unit tests: sessions that exist until stopped (or until a
 * test "forgets" them, like a replaced runner would), and checks, scripts and web services answered by
 * functions a test installs, with every call recorded. It keeps the behaviour callers rely on (unknown
 * sessions are null/not found, reset comes back provisioning) so tests of the app exercise real logic.
 */
import { LabSessionError, type CapacityView, type PoolTargets, type CheckOutcome, type CheckRequest, type LiveSession, type RunnerClient, type ScriptRunRequest, type ScriptRunView, type ServiceRequest } from "./runner-client";
import type { EnvironmentSpec } from "../../runner/environment/spec";

export type CheckJudge = (sessionId: string, check: CheckRequest) => CheckOutcome | Promise<CheckOutcome>;
export type ScriptJudge = (sessionId: string, run: ScriptRunRequest) => Partial<ScriptRunView> | Promise<Partial<ScriptRunView>>;
export type ServiceJudge = (sessionId: string, host: string, port: number, req: ServiceRequest) => Response | Promise<Response>;

/** The script of a check request, or "" for non-script checks. */
export const scriptOf = (check: CheckRequest): string => ("script" in check ? check.script : "");

export class MemoryRunner implements RunnerClient {
  readonly sessions = new Map<string, LiveSession>();
  readonly checks: Array<{ sessionId: string } & CheckRequest> = [];
  readonly scripts: Array<{ sessionId: string } & ScriptRunRequest> = [];
  readonly serviceCalls: Array<{ sessionId: string; host: string; port: number; req: ServiceRequest }> = [];
  readonly closedTerminals: Array<{ sessionId: string; host: string; terminalId: string }> = [];
  starts = 0;
  /** Time limits asked for at start, by session id. */
  readonly timeLimits = new Map<string, number | undefined>();
  /** The runtime pool targets last set. */
  poolTargets: Record<string, number> = {};
  limits = { maxSessions: 20, maxMemoryBytes: 16 * 1024 ** 3 };
  judge: CheckJudge = () => ({ passed: false, message: "not judged" });
  scriptJudge: ScriptJudge = () => ({});
  serviceJudge: ServiceJudge = () => new Response("ok", { headers: { "x-praxis-service": "1" } });

  async start(spec: EnvironmentSpec, opts: { timeLimitMs?: number } = {}): Promise<LiveSession> {
    const s: LiveSession = { id: `s${++this.starts}`, labId: spec.labId, state: "ready", expiresAt: new Date(Date.now() + (opts.timeLimitMs ?? 3_600_000)).toISOString(), hosts: spec.hosts.map((h) => h.name) };
    this.sessions.set(s.id, s);
    this.timeLimits.set(s.id, opts.timeLimitMs);
    return { ...s };
  }
  async list() {
    return [...this.sessions.values()].map((s) => ({ ...s }));
  }
  async find(id: string) {
    const s = this.sessions.get(id);
    return s ? { ...s } : null;
  }
  async stop(id: string) {
    const s = this.sessions.get(id);
    if (s) s.state = "stopped";
  }
  async terminalPath(id: string, host: string, _terminalId?: string, opts: { readOnly?: boolean } = {}) {
    return `/api/terminal?ticket=${id}.${host}${opts.readOnly ? ".ro" : ""}`;
  }
  async closeTerminal(id: string, host: string, terminalId: string) {
    if (this.sessions.get(id)?.state !== "ready") throw new LabSessionError("not_found", `no ready session ${id}`);
    this.closedTerminals.push({ sessionId: id, host, terminalId });
  }
  async capacity(): Promise<CapacityView> {
    const live = [...this.sessions.values()].filter((s) => s.state === "ready" || s.state === "provisioning");
    return { ...this.limits, liveSessions: live.length, memoryInUseBytes: live.length * 256 * 1024 ** 2, memoryWarmBytes: 0, byState: { provisioning: live.filter((s) => s.state === "provisioning").length, ready: live.filter((s) => s.state === "ready").length, warm: 0 } };
  }
  async setPoolTargets(targets: Record<string, number>): Promise<PoolTargets> {
    this.poolTargets = Object.fromEntries(Object.entries(targets).filter(([, n]) => n > 0));
    return { static: {}, runtime: { ...this.poolTargets }, effective: { ...this.poolTargets } };
  }
  async events(id: string) {
    return new Blob([`event: state\ndata: {"id":"${id}"}\n\n`]).stream();
  }
  async extend(id: string, byMs: number) {
    const s = this.live(id);
    s.expiresAt = new Date(Date.parse(s.expiresAt) + byMs).toISOString();
    return { ...s };
  }
  async reset(id: string) {
    const s = this.live(id);
    s.state = "provisioning";
    return { ...s };
  }
  async check(sessionId: string, check: CheckRequest): Promise<CheckOutcome> {
    this.live(sessionId);
    this.checks.push({ sessionId, ...check });
    return this.judge(sessionId, check);
  }
  async runScript(sessionId: string, run: ScriptRunRequest): Promise<ScriptRunView> {
    this.live(sessionId);
    this.scripts.push({ sessionId, ...run });
    return { exitCode: 0, output: "", timedOut: false, durationMs: 1, ...(await this.scriptJudge(sessionId, run)) };
  }
  async service(sessionId: string, host: string, port: number, req: ServiceRequest): Promise<Response> {
    this.live(sessionId);
    this.serviceCalls.push({ sessionId, host, port, req });
    return this.serviceJudge(sessionId, host, port, req);
  }

  private live(id: string): LiveSession {
    const s = this.sessions.get(id);
    if (!s || (s.state !== "ready" && s.state !== "provisioning")) throw new LabSessionError("not_found", `no ready session ${id}`);
    return s;
  }
}
