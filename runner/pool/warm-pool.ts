/**
 * The warm pool: keeps N fully provisioned, unclaimed environments per lab so that a start is a claim
 * (see SessionManager.start). Targets come from two places: the static ones of the runner's settings
 * (PRAXIS_WARM_POOL) and runtime targets the web app sets through the API (a workshop warming its seats);
 * per lab the larger wins. Refilling runs in the background, one member at a time (a provisioning burst
 * must not starve learners' own starts on a small host), after start-up, after every claim, after a
 * target change and on every reaper tick. It respects admission: at capacity it simply stops filling.
 * Members made from an older version of a lab are recycled, since no start would ever match them, and
 * warm members above a lowered target are stopped, so ending a workshop gives its capacity back.
 */
import { specFingerprint } from "../environment/fingerprint";
import type { EnvironmentSpec } from "../environment/spec";
import { SessionError } from "../sessions/errors";
import type { SessionManager } from "../sessions/manager";

export interface WarmPoolDeps {
  manager: Pick<SessionManager, "poolMembers" | "startWarm" | "stop">;
  /** Lab id -> number of warm members to keep, from the settings. */
  targets: ReadonlyMap<string, number>;
  loadSpec(labId: string): Promise<EnvironmentSpec>;
  onError?(labId: string, err: unknown): void;
}

export interface PoolTargets {
  static: Record<string, number>;
  runtime: Record<string, number>;
  /** What the pool fills to: per lab the larger of the two. */
  effective: Record<string, number>;
}

export class WarmPool {
  private running: Promise<void> | null = null;
  private again = false;
  private runtime = new Map<string, number>();
  /** Labs the pool has filled, so that one whose target went away is emptied once. */
  private readonly filled = new Set<string>();

  constructor(private readonly deps: WarmPoolDeps) {}

  /** Replaces the runtime targets (labs left out go back to their static target) and refills/trims. */
  setTargets(targets: ReadonlyMap<string, number>): Promise<void> {
    this.runtime = new Map([...targets].filter(([, n]) => n > 0));
    return this.refill();
  }

  targets(): PoolTargets {
    return { static: Object.fromEntries(this.deps.targets), runtime: Object.fromEntries(this.runtime), effective: Object.fromEntries(this.effective()) };
  }

  private effective(): Map<string, number> {
    const out = new Map(this.deps.targets);
    for (const [labId, n] of this.runtime) out.set(labId, Math.max(n, out.get(labId) ?? 0));
    return out;
  }

  /** Tops every lab up to its target (and trims labs above it); concurrent calls coalesce into one more pass. Never rejects. */
  refill(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const targets = this.effective();
          await this.trimUntargeted(targets);
          for (const labId of targets.keys()) await this.fill(labId);
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async trimUntargeted(targets: ReadonlyMap<string, number>): Promise<void> {
    for (const labId of this.filled) {
      if (targets.has(labId)) continue;
      await this.trim(labId, 0);
      this.filled.delete(labId);
    }
    for (const labId of targets.keys()) this.filled.add(labId);
  }

  private async trim(labId: string, target: number): Promise<void> {
    const warm = this.deps.manager.poolMembers(labId).filter((m) => m.state === "warm");
    // Members still provisioning are left alone; the next pass trims them once they are warm.
    const surplus = this.deps.manager.poolMembers(labId).length - target;
    for (const m of warm.slice(0, Math.max(0, surplus))) await this.deps.manager.stop(m.id).catch((err: unknown) => this.deps.onError?.(labId, err));
  }

  private async fill(labId: string): Promise<void> {
    const { manager } = this.deps;
    // Read live: a target lowered while this lab fills (a workshop ended) stops the filling at once.
    const target = () => this.effective().get(labId) ?? 0;
    try {
      const spec = await this.deps.loadSpec(labId);
      const fingerprint = specFingerprint(spec);
      for (const m of manager.poolMembers(labId)) {
        if (m.state === "warm" && m.poolSpec !== fingerprint) await manager.stop(m.id);
      }
      await this.trim(labId, target());
      while (manager.poolMembers(labId).filter((m) => m.poolSpec === fingerprint).length < target()) {
        await manager.startWarm(spec);
      }
    } catch (err) {
      // At capacity is the normal ceiling of a pool, not a fault; learners' sessions come first.
      if (err instanceof SessionError && err.kind === "at_capacity") return;
      this.deps.onError?.(labId, err);
    }
  }
}
