/**
 * The SessionManager's configuration and result types, apart from its logic so that settings, the API
 * and tests can name them without pulling in the manager itself.
 */
import type { ContainerRuntime } from "../docker/runtime";
import type { EnvironmentSpec } from "../environment/spec";
import type { SessionRecordStore } from "../state/records";
import type { CapacityLimits } from "./admission";
import type { Session } from "./model";

export interface SessionLimits extends CapacityLimits {
  /** Session lifetime from creation (or from a warm-pool claim), before extensions. */
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
  /** Observes state changes (e.g. to log them). */
  onStateChange?: (session: Session) => void;
  /** Remembers extensions and claims across restarts; in memory (lost on restart) when absent. */
  records?: SessionRecordStore;
  /** Told after a warm-pool member was claimed, so the pool can refill in the background. */
  onClaim?: (labId: string) => void;
}

export interface ReconcileReport {
  adopted: string[];
  removedSessions: string[];
}

export interface StartedSession {
  session: Session;
  /** Settles when provisioning does; already handled, so it may be ignored. */
  ready: Promise<Session>;
  /** True when a warm-pool member was handed out (the session is ready at once). */
  claimed: boolean;
}

/** The host's limits and their use by live sessions (warm-pool members count: they hold containers). */
export interface CapacityView {
  maxSessions: number;
  maxMemoryBytes: number;
  liveSessions: number;
  memoryInUseBytes: number;
  /** The part held by warm-pool members, which a learner's start may evict. */
  memoryWarmBytes: number;
  byState: { provisioning: number; ready: number; warm: number };
}
