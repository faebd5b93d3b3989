/**
 * The warm pool: keeps N fully provisioned, unclaimed environments per configured lab so that a start
 * is a claim (see SessionManager.start). Refilling runs in the background, one member at a time (a
 * provisioning burst must not starve learners' own starts on a small host), after start-up, after every
 * claim and on every reaper tick. It respects admission: at capacity it simply stops filling. Members
 * made from an older version of a lab are recycled, since no start would ever match them.
 */
import { specFingerprint } from "../environment/fingerprint";
import type { EnvironmentSpec } from "../environment/spec";
import { SessionError } from "../sessions/errors";
import type { SessionManager } from "../sessions/manager";

export interface WarmPoolDeps {
  manager: Pick<SessionManager, "poolMembers" | "startWarm" | "stop">;
  /** Lab id -> number of warm members to keep. */
  targets: ReadonlyMap<string, number>;
  loadSpec(labId: string): Promise<EnvironmentSpec>;
  onError?(labId: string, err: unknown): void;
}

export class WarmPool {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: WarmPoolDeps) {}

  /** Tops every lab up to its target; concurrent calls coalesce into one more pass. Never rejects. */
  refill(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          for (const [labId, target] of this.deps.targets) await this.fill(labId, target);
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async fill(labId: string, target: number): Promise<void> {
    const { manager } = this.deps;
    try {
      const spec = await this.deps.loadSpec(labId);
      const fingerprint = specFingerprint(spec);
      for (const m of manager.poolMembers(labId)) {
        if (m.state === "warm" && m.poolSpec !== fingerprint) await manager.stop(m.id);
      }
      while (manager.poolMembers(labId).filter((m) => m.poolSpec === fingerprint).length < target) {
        await manager.startWarm(spec);
      }
    } catch (err) {
      // At capacity is the normal ceiling of a pool, not a fault; learners' sessions come first.
      if (err instanceof SessionError && err.kind === "at_capacity") return;
      this.deps.onError?.(labId, err);
    }
  }
}
