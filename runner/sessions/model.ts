/**
 * The session state machine, pure (no runtime, no timers) so it can be tested on its own and shared
 * with UI code. A session is born provisioning, becomes ready or failed, and ends expired (time limit
 * or idle) or stopped (by request). Ended states are final; reset goes ready -> provisioning again.
 * Warm-pool members are provisioned like any session but park in "warm" (no learner, no idle timeout)
 * until a start claims one, which turns it "ready".
 */

export type SessionState = "provisioning" | "warm" | "ready" | "expired" | "stopped" | "failed";

export interface SessionHost {
  name: string;
  containerId: string;
}

export interface Session {
  id: string;
  labId: string;
  state: SessionState;
  createdAt: Date;
  expiresAt: Date;
  lastActivityAt: Date;
  hosts: SessionHost[];
  /** The session's Kubernetes cluster (kind naming), for labs that have one. */
  cluster?: { name: string; nodes: number };
  /** Sum of the hosts' (and cluster nodes') memory limits, used for admission. */
  memoryBytes: number;
  /** Why provisioning failed (state "failed"). */
  error?: string;
  /** Warm-pool members (and sessions being provisioned for the pool): fingerprint of their spec. */
  poolSpec?: string;
}

const TRANSITIONS: Record<SessionState, readonly SessionState[]> = {
  provisioning: ["ready", "warm", "failed", "stopped"],
  warm: ["ready", "expired", "stopped"],
  ready: ["provisioning", "expired", "stopped"],
  failed: ["stopped"],
  expired: [],
  stopped: [],
};

export function canTransition(from: SessionState, to: SessionState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Sessions that hold (or are about to hold) containers, and so count against capacity. */
export function isLive(s: Session): boolean {
  return s.state === "provisioning" || s.state === "ready" || s.state === "warm";
}

export type ExpiryReason = "time limit" | "idle";

/** Why a live session should expire at `now`, or null if it should not. */
export function expiryReason(s: Session, now: Date, idleTimeoutMs: number): ExpiryReason | null {
  if (s.state !== "ready" && s.state !== "warm") return null;
  if (now.getTime() >= s.expiresAt.getTime()) return "time limit";
  // Nobody uses a warm member yet, so idleness means nothing; its time limit recycles stale members.
  if (s.state === "warm") return null;
  if (now.getTime() - s.lastActivityAt.getTime() >= idleTimeoutMs) return "idle";
  return null;
}
