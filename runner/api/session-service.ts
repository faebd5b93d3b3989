/**
 * What the runner API needs from session management. The SessionManager satisfies it structurally;
 * depending on this narrow interface keeps the HTTP layer testable and free of provisioning details.
 */
import type { EnvironmentSpec } from "../environment/spec";
import type { SessionEvents } from "../sessions/events";
import type { Session } from "../sessions/model";

export interface SessionService {
  /** Claims a warm member or admits and starts provisioning; `ready` settles with the outcome. */
  start(spec: EnvironmentSpec, opts?: { timeLimitMs?: number }): Promise<{ session: Session; ready: Promise<Session>; claimed: boolean }>;
  /** Throws SessionError("not_found"). */
  get(id: string): Session;
  list(): Session[];
  stop(id: string): Promise<Session>;
  extend(id: string, byMs: number): Promise<Session>;
  /** Re-provisions a ready session (same id and expiry); returns once it is provisioning. */
  reset(id: string): Promise<{ session: Session; ready: Promise<Session> }>;
  /** Records learner activity (postpones the idle timeout). */
  touch(id: string): void;
  readonly events: Pick<SessionEvents, "subscribe">;
}

/** The wire form of a session: dates as ISO strings, hosts by name only. */
export function sessionView(s: Session) {
  return {
    id: s.id,
    labId: s.labId,
    state: s.state,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    lastActivityAt: s.lastActivityAt.toISOString(),
    hosts: s.hosts.map((h) => ({ name: h.name })),
    ...(s.cluster ? { cluster: { ...s.cluster } } : {}),
    ...(s.error ? { error: s.error } : {}),
  };
}
