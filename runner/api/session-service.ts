/**
 * What the runner API needs from session management. R1's SessionManager satisfies it structurally;
 * depending on this narrow interface keeps the HTTP layer testable and free of provisioning details.
 */
import type { EnvironmentSpec } from "../environment/spec";
import type { Session } from "../sessions/model";

export interface SessionService {
  create(spec: EnvironmentSpec): Promise<Session>;
  /** Throws SessionError("not_found"). */
  get(id: string): Session;
  list(): Session[];
  stop(id: string): Promise<Session>;
  extend(id: string, byMs: number): Session;
  /** Records learner activity (postpones the idle timeout). */
  touch(id: string): void;
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
    ...(s.error ? { error: s.error } : {}),
  };
}
