/**
 * The session manager: the only place that changes session state. It admits or refuses new sessions,
 * provisions them, keeps time limits and idle timeouts, stops, resets and expires them, and at start
 * reconciles with the runtime (adopting this runner's live sessions, removing orphans). The in-memory
 * map is a cache of what the labels say; if the two disagree, reconcile() trusts the runtime.
 * Time comes from an injected clock so expiry is testable without waiting.
 */
import { randomBytes } from "node:crypto";
import { LABEL, managedFilter } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";
import type { EnvironmentSpec } from "../environment/spec";
import { newContext } from "../provision/context";
import { ProvisionError } from "../provision/errors";
import { provision, type ProgressEvent } from "../provision/provision";
import { removeSessionObjects } from "../provision/teardown";
import { admit, type CapacityLimits } from "./admission";
import { planAdoption } from "./adopt";
import { SessionError } from "./errors";
import { canTransition, expiryReason, isLive, type Session, type SessionState } from "./model";

export interface SessionLimits extends CapacityLimits {
  /** Session lifetime from creation (before extensions). */
  timeLimitMs: number;
  idleTimeoutMs: number;
  /** A session can never live longer than this from creation, however often it is extended. */
  maxLifetimeMs: number;
}

export interface SessionManagerDeps {
  runtime: ContainerRuntime;
  runnerId: string;
  limits: SessionLimits;
  clock?: () => Date;
  newId?: () => string;
  ensureImage?: (ref: string, progress: (line: string) => void) => Promise<void>;
  /** Needed to reset a session adopted after a restart (its spec is not in the labels). */
  loadSpec?: (labId: string) => Promise<EnvironmentSpec>;
  /** Observes state changes (e.g. to push them to browsers or record them in the database). */
  onStateChange?: (session: Session) => void;
}

export interface ReconcileReport {
  adopted: string[];
  removedSessions: string[];
}

export class SessionManager {
  private readonly sessions = new Map<string, Session>();
  private readonly specs = new Map<string, EnvironmentSpec>();
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: SessionManagerDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomBytes(5).toString("hex"));
  }

  get(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new SessionError("not_found", `no session ${id}`);
    return { ...s, hosts: [...s.hosts] };
  }

  list(): Session[] {
    return [...this.sessions.keys()].map((id) => this.get(id));
  }

  /** Admits and provisions a session; resolves when ready, rejects (state "failed") if provisioning fails. */
  async create(spec: EnvironmentSpec, opts: { onEvent?: (e: ProgressEvent) => void } = {}): Promise<Session> {
    return this.start(spec, opts).ready;
  }

  /**
   * Like create(), but returns at once with the provisioning session (for HTTP handlers that answer
   * 202 and let the browser follow progress). Admission errors still throw synchronously. `ready`
   * may be ignored: its rejection is already handled here, the outcome is in the session's state.
   */
  start(spec: EnvironmentSpec, opts: { onEvent?: (e: ProgressEvent) => void } = {}): { session: Session; ready: Promise<Session> } {
    const memoryBytes = spec.hosts.reduce((sum, h) => sum + h.resources.memoryBytes, 0);
    admit(this.sessions.values(), memoryBytes, this.deps.limits);
    const now = this.clock();
    const session: Session = {
      id: this.newId(),
      labId: spec.labId,
      state: "provisioning",
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.limits.timeLimitMs),
      lastActivityAt: now,
      hosts: [],
      memoryBytes,
    };
    this.sessions.set(session.id, session);
    this.specs.set(session.id, spec);
    this.deps.onStateChange?.(this.get(session.id));
    const ready = this.provisionInto(session, spec, opts.onEvent).then(() => this.get(session.id));
    ready.catch(() => {});
    return { session: this.get(session.id), ready };
  }

  private async provisionInto(session: Session, spec: EnvironmentSpec, onEvent?: (e: ProgressEvent) => void): Promise<void> {
    const ctx = newContext({
      runtime: this.deps.runtime,
      spec,
      ensureImage: this.deps.ensureImage,
      session: {
        sessionId: session.id,
        labId: spec.labId,
        runnerId: this.deps.runnerId,
        extraLabels: { [LABEL.createdAt]: session.createdAt.toISOString(), [LABEL.expiresAt]: session.expiresAt.toISOString() },
      },
    });
    try {
      await provision(ctx, { onEvent });
    } catch (err) {
      session.error = err instanceof Error ? err.message : String(err);
      // Stopped while provisioning: the stop already tore things down and wins over "failed".
      if (session.state === "provisioning") this.transition(session, "failed");
      throw err;
    }
    if (session.state !== "provisioning") {
      await removeSessionObjects(this.deps.runtime, session.id, this.deps.runnerId); // stopped meanwhile: don't leave the result behind
      throw new SessionError("invalid_state", `session ${session.id} was ${session.state} during provisioning`);
    }
    session.hosts = [...ctx.containers].map(([name, containerId]) => ({ name, containerId }));
    this.transition(session, "ready");
  }

  private transition(session: Session, to: SessionState): void {
    if (!canTransition(session.state, to)) {
      throw new SessionError("invalid_state", `session ${session.id} cannot go from ${session.state} to ${to}`);
    }
    session.state = to;
    this.deps.onStateChange?.(this.get(session.id));
  }

  private live(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new SessionError("not_found", `no session ${id}`);
    if (s.state !== "ready") throw new SessionError("invalid_state", `session ${id} is ${s.state}, not ready`);
    return s;
  }

  /** Records learner activity (terminal input, check runs), postponing the idle timeout. */
  touch(id: string): void {
    this.live(id).lastActivityAt = this.clock();
  }

  extend(id: string, byMs: number): Session {
    const s = this.live(id);
    const cap = s.createdAt.getTime() + this.deps.limits.maxLifetimeMs;
    const wanted = Math.max(s.expiresAt.getTime(), this.clock().getTime()) + byMs;
    if (s.expiresAt.getTime() >= cap) throw new SessionError("invalid_state", `session ${id} is already at its maximum lifetime`);
    s.expiresAt = new Date(Math.min(wanted, cap));
    return this.get(id);
  }

  async stop(id: string): Promise<Session> {
    const s = this.sessions.get(id);
    if (!s) throw new SessionError("not_found", `no session ${id}`);
    if (s.state === "stopped" || s.state === "expired") return this.get(id);
    this.transition(s, "stopped");
    await this.teardown(s);
    return this.get(id);
  }

  /** Tears the environment down and provisions it again from the same spec, keeping id and expiry. */
  async reset(id: string, opts: { onEvent?: (e: ProgressEvent) => void } = {}): Promise<Session> {
    const s = this.live(id);
    const spec = this.specs.get(id) ?? (await this.deps.loadSpec?.(s.labId));
    if (!spec) throw new SessionError("invalid_state", `session ${id} cannot be reset: the spec of lab ${s.labId} is unknown`);
    this.transition(s, "provisioning");
    await this.teardown(s);
    s.hosts = [];
    s.lastActivityAt = this.clock();
    await this.provisionInto(s, spec, opts.onEvent);
    return this.get(id);
  }

  /** Expires every ready session past its time limit or idle timeout; returns the expired ids. */
  async expireDue(): Promise<string[]> {
    const now = this.clock();
    const due = [...this.sessions.values()].filter((s) => expiryReason(s, now, this.deps.limits.idleTimeoutMs) !== null);
    for (const s of due) {
      this.transition(s, "expired");
      await this.teardown(s);
    }
    return due.map((s) => s.id);
  }

  /**
   * Makes the runtime and the map agree: adopts this runner's live sessions found by label, removes
   * orphans (objects of unknown, broken or expired sessions), and forgets ended sessions whose objects
   * are gone. Safe to call at any time; sessions being provisioned are known and left alone.
   */
  async reconcile(): Promise<ReconcileReport> {
    const filter = managedFilter(this.deps.runnerId);
    const [containers, networks] = await Promise.all([this.deps.runtime.listContainers(filter), this.deps.runtime.listNetworks(filter)]);
    const known = new Set([...this.sessions.values()].filter(isLive).map((s) => s.id));
    const plan = planAdoption(containers, networks, known, this.clock());
    // An ended session we remember is never re-adopted: its leftovers are orphans (a failed teardown).
    const adopt = plan.adopt.filter((s) => !this.sessions.has(s.id));
    const orphans = [...plan.orphanSessions, ...plan.adopt.filter((s) => this.sessions.has(s.id)).map((s) => s.id)];
    for (const s of adopt) {
      this.sessions.set(s.id, s);
      this.deps.onStateChange?.(this.get(s.id));
    }
    for (const id of orphans) await removeSessionObjects(this.deps.runtime, id, this.deps.runnerId);
    for (const id of plan.strayContainers) await this.deps.runtime.removeContainer(id);
    for (const id of plan.strayNetworks) await this.deps.runtime.removeNetwork(id);
    return { adopted: adopt.map((s) => s.id), removedSessions: orphans };
  }

  /** Drops ended sessions from memory (they stay visible until then so clients can read the outcome). */
  forgetEnded(olderThanMs: number): void {
    const cutoff = this.clock().getTime() - olderThanMs;
    for (const s of this.sessions.values()) {
      if (!isLive(s) && s.lastActivityAt.getTime() < cutoff) {
        this.sessions.delete(s.id);
        this.specs.delete(s.id);
      }
    }
  }

  private async teardown(s: Session): Promise<void> {
    const failures = await removeSessionObjects(this.deps.runtime, s.id, this.deps.runnerId);
    // Leftovers are retried by the next reconcile(), which removes objects of ended sessions.
    if (failures.length > 0) s.error = `teardown incomplete: ${failures.join("; ")}`;
  }
}
