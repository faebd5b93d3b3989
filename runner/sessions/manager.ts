/**
 * The session manager: the only place that changes session state. It admits or refuses new sessions,
 * provisions them (publishing progress to `events`), hands out warm-pool members as claims, keeps time
 * limits and idle timeouts, extends, stops, resets and expires sessions, and at start reconciles with the
 * runtime (adopting this runner's live sessions and pool members, removing orphans). The in-memory map is
 * a cache of what the labels say, corrected by the session records (extensions, claims) that labels
 * cannot hold. Time comes from an injected clock so expiry is testable without waiting.
 */
import { randomBytes } from "node:crypto";
import { LABEL, managedFilter } from "../docker/labels";
import { specFingerprint } from "../environment/fingerprint";
import { clusterName } from "../cluster/names";
import { specMemoryBytes, type EnvironmentSpec } from "../environment/spec";
import { newContext } from "../provision/context";
import { provision, type ProgressEvent } from "../provision/provision";
import { removeSessionObjects } from "../provision/teardown";
import { MemoryRecordStore, type SessionRecordStore } from "../state/records";
import { admit } from "./admission";
import { planAdoption } from "./adopt";
import { SessionError } from "./errors";
import { SessionEvents } from "./events";
import type { CapacityView, ReconcileReport, SessionManagerDeps, StartedSession } from "./manager-types";
import { canTransition, expiryReason, isLive, type Session, type SessionState } from "./model";

export type { CapacityView, ReconcileReport, SessionLimits, SessionManagerDeps, StartedSession } from "./manager-types";

export class SessionManager {
  readonly events = new SessionEvents();
  private readonly sessions = new Map<string, Session>();
  private readonly specs = new Map<string, EnvironmentSpec>();
  private readonly claimed = new Set<string>();
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly records: SessionRecordStore;

  constructor(private readonly deps: SessionManagerDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomBytes(5).toString("hex"));
    this.records = deps.records ?? new MemoryRecordStore();
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
    return (await this.start(spec, opts)).ready;
  }

  /**
   * Claims a matching warm-pool member, or admits a new session and returns it while it provisions (for
   * HTTP handlers that answer 202 and let the browser follow `events`). Admission evicts warm members
   * before it refuses a learner: a pool is a cache, never a reason to turn someone away.
   */
  async start(spec: EnvironmentSpec, opts: { onEvent?: (e: ProgressEvent) => void; timeLimitMs?: number } = {}): Promise<StartedSession> {
    // A caller's own limit (a workshop's) replaces the default, never beyond the maximum lifetime.
    const timeLimitMs = Math.min(opts.timeLimitMs ?? this.deps.limits.timeLimitMs, this.deps.limits.maxLifetimeMs);
    const claimed = await this.claim(spec, timeLimitMs);
    if (claimed) return { session: claimed, ready: Promise.resolve(claimed), claimed: true };
    const memoryBytes = specMemoryBytes(spec);
    await this.admitEvictingWarm(memoryBytes);
    const session = this.register(spec, timeLimitMs);
    return { session: this.get(session.id), ready: this.runProvisioning(session, spec, opts.onEvent), claimed: false };
  }

  /** Provisions one warm-pool member for the spec's lab. Admission applies (at_capacity), eviction does not. */
  async startWarm(spec: EnvironmentSpec): Promise<Session> {
    admit(this.sessions.values(), specMemoryBytes(spec), this.deps.limits);
    // A member lives at most maxLifetime unclaimed; the pool replaces it then (fresh for whoever claims it).
    const session = this.register(spec, this.deps.limits.maxLifetimeMs, specFingerprint(spec));
    return this.runProvisioning(session, spec);
  }

  /** The host's limits and what live sessions (warm members included) take of them, for capacity planning. */
  capacity(): CapacityView {
    const live = [...this.sessions.values()].filter(isLive);
    const count = (state: SessionState) => live.filter((s) => s.state === state).length;
    return {
      maxSessions: this.deps.limits.maxSessions,
      maxMemoryBytes: this.deps.limits.maxMemoryBytes,
      liveSessions: live.length,
      memoryInUseBytes: live.reduce((sum, s) => sum + s.memoryBytes, 0),
      memoryWarmBytes: live.filter((s) => s.state === "warm").reduce((sum, s) => sum + s.memoryBytes, 0),
      byState: { provisioning: count("provisioning"), ready: count("ready"), warm: count("warm") },
    };
  }

  /** Warm members of a lab plus those being provisioned for the pool, with their spec fingerprints. */
  poolMembers(labId: string): Session[] {
    return this.list().filter((s) => s.labId === labId && s.poolSpec !== undefined && (s.state === "warm" || s.state === "provisioning"));
  }

  private register(spec: EnvironmentSpec, lifetimeMs: number, poolSpec?: string): Session {
    const now = this.clock();
    const id = this.newId();
    const session: Session = {
      id,
      labId: spec.labId,
      state: "provisioning",
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetimeMs),
      lastActivityAt: now,
      hosts: [],
      memoryBytes: specMemoryBytes(spec),
      ...(spec.cluster ? { cluster: { name: clusterName(id), nodes: spec.cluster.nodes } } : {}),
      ...(poolSpec ? { poolSpec } : {}),
    };
    this.sessions.set(session.id, session);
    this.specs.set(session.id, spec);
    this.events.begin(session.id);
    this.announce(session);
    return session;
  }

  private async claim(spec: EnvironmentSpec, timeLimitMs: number): Promise<Session | null> {
    const fingerprint = specFingerprint(spec);
    const member = [...this.sessions.values()].find((s) => s.state === "warm" && s.labId === spec.labId && s.poolSpec === fingerprint);
    if (!member) return null;
    const now = this.clock();
    member.createdAt = now;
    member.expiresAt = new Date(now.getTime() + timeLimitMs);
    member.lastActivityAt = now;
    delete member.poolSpec;
    this.specs.set(member.id, spec);
    this.claimed.add(member.id);
    this.events.begin(member.id);
    this.transition(member, "ready"); // synchronous: a concurrent start cannot claim the same member
    try {
      await this.persist(member);
    } catch (err) {
      await this.stop(member.id); // unrecorded, a restart would put it back in the pool while in use
      throw err;
    }
    this.deps.onClaim?.(spec.labId);
    return this.get(member.id);
  }

  private async admitEvictingWarm(memoryBytes: number): Promise<void> {
    for (;;) {
      try {
        return admit(this.sessions.values(), memoryBytes, this.deps.limits);
      } catch (err) {
        const victim = [...this.sessions.values()].find((s) => s.state === "warm");
        if (!(err instanceof SessionError) || !victim) throw err;
        await this.stop(victim.id);
      }
    }
  }

  private runProvisioning(session: Session, spec: EnvironmentSpec, onEvent?: (e: ProgressEvent) => void): Promise<Session> {
    const emit = (progress: ProgressEvent) => {
      this.events.publish(session.id, { kind: "progress", progress, at: this.clock().toISOString() });
      onEvent?.(progress);
    };
    const ready = this.provisionInto(session, spec, emit).then(() => this.get(session.id));
    ready.catch(() => {});
    return ready;
  }

  private async provisionInto(session: Session, spec: EnvironmentSpec, onEvent: (e: ProgressEvent) => void): Promise<void> {
    const pool: Record<string, string> = session.poolSpec ? { [LABEL.pool]: spec.labId, [LABEL.specFingerprint]: session.poolSpec } : {};
    const ctx = newContext({
      runtime: this.deps.runtime,
      spec,
      ensureImage: this.deps.ensureImage,
      session: {
        sessionId: session.id,
        labId: spec.labId,
        runnerId: this.deps.runnerId,
        extraLabels: { [LABEL.createdAt]: session.createdAt.toISOString(), [LABEL.expiresAt]: session.expiresAt.toISOString(), ...pool },
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
    if (!session.poolSpec) return this.transition(session, "ready");
    await this.persist(session); // only a recorded member is adopted into the pool after a restart
    this.transition(session, "warm");
  }

  private transition(session: Session, to: SessionState): void {
    if (!canTransition(session.state, to)) {
      throw new SessionError("invalid_state", `session ${session.id} cannot go from ${session.state} to ${to}`);
    }
    session.state = to;
    this.announce(session);
  }

  private announce(session: Session): void {
    const view = this.get(session.id);
    this.events.publish(session.id, { kind: "state", session: view });
    this.deps.onStateChange?.(view);
  }

  private live(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new SessionError("not_found", `no session ${id}`);
    if (s.state !== "ready") throw new SessionError("invalid_state", `session ${id} is ${s.state}, not ready`);
    return s;
  }

  private persist(s: Session): Promise<void> {
    return this.records.put(s.id, { createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), ...(this.claimed.has(s.id) ? { claimed: true } : {}) });
  }

  /** Records learner activity (terminal input, check runs), postponing the idle timeout. */
  touch(id: string): void {
    this.live(id).lastActivityAt = this.clock();
  }

  /** Moves the expiry later (capped at the maximum lifetime) and records it so a restart keeps it. */
  async extend(id: string, byMs: number): Promise<Session> {
    const s = this.live(id);
    const cap = s.createdAt.getTime() + this.deps.limits.maxLifetimeMs;
    const wanted = Math.max(s.expiresAt.getTime(), this.clock().getTime()) + byMs;
    if (s.expiresAt.getTime() >= cap) throw new SessionError("invalid_state", `session ${id} is already at its maximum lifetime`);
    s.expiresAt = new Date(Math.min(wanted, cap));
    s.lastActivityAt = this.clock();
    await this.persist(s);
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

  /**
   * Tears the environment down and provisions it again from the same spec, keeping id and expiry.
   * Returns once the session is provisioning again; `ready` settles with the outcome.
   */
  async reset(id: string, opts: { onEvent?: (e: ProgressEvent) => void } = {}): Promise<{ session: Session; ready: Promise<Session> }> {
    const { labId } = this.live(id);
    const spec = this.specs.get(id) ?? (await this.deps.loadSpec?.(labId));
    if (!spec) throw new SessionError("invalid_state", `session ${id} cannot be reset: the spec of lab ${labId} is unknown`);
    const s = this.live(id); // again: it may have changed while the spec loaded
    this.events.begin(id);
    this.transition(s, "provisioning");
    const ready = (async () => {
      await this.teardown(s, { keepRecord: true });
      s.hosts = [];
      s.lastActivityAt = this.clock();
      return this.runProvisioning(s, spec, opts.onEvent);
    })();
    ready.catch(() => {});
    return { session: this.get(id), ready };
  }

  /** Expires every session past its time limit or idle timeout (and stale warm members); returns their ids. */
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
   * Makes the runtime and the map agree: adopts this runner's live sessions and warm members found by
   * label (with their records applied), removes orphans (objects of unknown, broken or expired sessions),
   * and drops records nobody needs. Safe at any time; sessions being provisioned are left alone.
   */
  async reconcile(): Promise<ReconcileReport> {
    const filter = managedFilter(this.deps.runnerId);
    const [containers, networks, records] = await Promise.all([this.deps.runtime.listContainers(filter), this.deps.runtime.listNetworks(filter), this.records.all()]);
    const known = new Set([...this.sessions.values()].filter(isLive).map((s) => s.id));
    const plan = planAdoption(containers, networks, known, this.clock(), records);
    // An ended session we remember is never re-adopted: its leftovers are orphans (a failed teardown).
    const adopt = plan.adopt.filter((s) => !this.sessions.has(s.id));
    const orphans = [...plan.orphanSessions, ...plan.adopt.filter((s) => this.sessions.has(s.id)).map((s) => s.id)];
    for (const s of adopt) {
      this.sessions.set(s.id, s);
      if (records.get(s.id)?.claimed) this.claimed.add(s.id);
      this.announce(s);
    }
    for (const id of orphans) await removeSessionObjects(this.deps.runtime, id, this.deps.runnerId);
    for (const id of plan.strayContainers) await this.deps.runtime.removeContainer(id);
    for (const id of plan.strayNetworks) await this.deps.runtime.removeNetwork(id);
    for (const id of records.keys()) {
      const s = this.sessions.get(id);
      if (!s || !isLive(s)) await this.records.remove(id);
    }
    return { adopted: adopt.map((s) => s.id), removedSessions: orphans };
  }

  /** Drops ended sessions from memory (they stay visible until then so clients can read the outcome). */
  forgetEnded(olderThanMs: number): void {
    const cutoff = this.clock().getTime() - olderThanMs;
    for (const s of this.sessions.values()) {
      if (!isLive(s) && s.lastActivityAt.getTime() < cutoff) {
        this.sessions.delete(s.id);
        this.specs.delete(s.id);
        this.claimed.delete(s.id);
        this.events.forget(s.id);
      }
    }
  }

  private async teardown(s: Session, opts: { keepRecord?: boolean } = {}): Promise<void> {
    const failures = await removeSessionObjects(this.deps.runtime, s.id, this.deps.runnerId);
    // Leftovers are retried by the next reconcile(), which removes objects of ended sessions.
    if (failures.length > 0) s.error = `teardown incomplete: ${failures.join("; ")}`;
    // A record left behind (e.g. disk trouble) is dropped by the next reconcile().
    if (!opts.keepRecord) await this.records.remove(s.id).catch(() => {});
  }
}
