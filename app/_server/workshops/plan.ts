/**
 * Workshop planning, pure: where a workshop is in its life (scheduled, running, ended), how many warm
 * environments each lab should have for the workshops that are warming, and whether a room fits on the
 * runner ("The room will not fit: 40 seats, room for 28 …"). Warm-pool members are a cache the runner
 * evicts for learners, so they never count against a room; other people's live sessions do.
 */
import type { CapacityView } from "../runner-client";

export type WorkshopPhase = "scheduled" | "running" | "ended";

export interface WorkshopClock {
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
}

export function phaseOf(w: WorkshopClock, now: Date): WorkshopPhase {
  if (w.endedAt || now >= w.endsAt) return "ended";
  return now >= w.startsAt ? "running" : "scheduled";
}

export interface WarmingWorkshop extends WorkshopClock {
  labIds: readonly string[];
  capacity: number;
  warmSharePercent: number;
  warmedAt: Date | null;
  /** Learners running an environment of the workshop: their seats are taken, so the pool need not keep them warm. */
  seatsInUse: number;
}

/**
 * The seats each lab keeps warm for one workshop: its share of capacity, no more than the seats still
 * free. Seats count as taken once a learner runs an environment, not when they join: a learner who has
 * joined but not started yet is exactly who the warm seat is for.
 */
export function warmSeats(w: WarmingWorkshop): number {
  return Math.max(0, Math.min(Math.ceil((w.capacity * w.warmSharePercent) / 100), w.capacity - w.seatsInUse));
}

/**
 * How long before its start a workshop warms up by itself: provisioning a room takes minutes on a small
 * host (about a second per environment here, much more for Kubernetes labs), and learners arrive early.
 */
export const WARM_LEAD_MS = 15 * 60_000;

/**
 * Runtime pool targets for the runner: per lab, the sum over workshops warming now — from WARM_LEAD_MS
 * before the start (or the instructor's Warm up, if earlier) until the end.
 */
export function poolTargets(workshops: readonly WarmingWorkshop[], now: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const w of workshops) {
    const p = phaseOf(w, now);
    const soon = w.startsAt.getTime() - now.getTime() <= WARM_LEAD_MS;
    if (p === "ended" || (p === "scheduled" && !w.warmedAt && !soon)) continue;
    const seats = warmSeats(w);
    if (seats === 0) continue;
    for (const labId of w.labIds) out[labId] = (out[labId] ?? 0) + seats;
  }
  return out;
}

export interface RoomCheck {
  fits: boolean;
  /** How many seats of this workshop the runner can hold beside everyone else's sessions. */
  room: number;
  seats: number;
  message: string | null;
}

/**
 * Whether `seats` learners (each running one environment of `seatMemoryBytes`) fit beside the runner's
 * other live sessions. `own` is what this workshop's learners already run (it is part of the room, not
 * competition for it).
 */
export function checkRoom(cap: CapacityView, seats: number, seatMemoryBytes: number, own: { sessions: number; memoryBytes: number }): RoomCheck {
  const others = Math.max(0, cap.liveSessions - cap.byState.warm - own.sessions);
  const otherMemory = Math.max(0, cap.memoryInUseBytes - cap.memoryWarmBytes - own.memoryBytes);
  const bySessions = cap.maxSessions - others;
  const byMemory = seatMemoryBytes > 0 ? Math.floor((cap.maxMemoryBytes - otherMemory) / seatMemoryBytes) : bySessions;
  const room = Math.max(0, Math.min(bySessions, byMemory));
  const fits = seats <= room;
  // Instructors read this on the dashboard and the edit form: it names the server's limit (what an admin
  // raises: PRAXIS_MAX_SESSIONS or PRAXIS_MAX_MEMORY_MIB), never the runner's internals.
  const why = byMemory < bySessions ? "memory" : "session";
  const busy = others > 0 ? `, with ${others} other session${others === 1 ? "" : "s"} running` : "";
  return { fits, room, seats, message: fits ? null : `The room will not fit: ${seats} seats, room for ${room} (this server's ${why} limit${busy})` };
}

/** The seats a new workshop's form suggests. */
export const DEFAULT_SEATS = 30;

/** The suggested seats, no more than the server has room for when that is known (and at least one). */
export function defaultSeats(room: number | null): number {
  return room === null ? DEFAULT_SEATS : Math.max(1, Math.min(DEFAULT_SEATS, room));
}
