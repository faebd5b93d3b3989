/**
 * Finds the container behind {session, host} for terminals and file access. Only a ready session's
 * hosts are reachable; a provisioning, ended or unknown session looks the same to callers ("not found"),
 * which also avoids telling a prober which session ids exist.
 */
import { SessionError } from "../sessions/errors";
import type { SessionService } from "./session-service";

/** The container id, or null. */
export function findHostContainer(sessions: SessionService, sessionId: string, host: string): string | null {
  try {
    const s = sessions.get(sessionId);
    if (s.state !== "ready") return null;
    return s.hosts.find((h) => h.name === host)?.containerId ?? null;
  } catch (err) {
    if (err instanceof SessionError && err.kind === "not_found") return null;
    throw err;
  }
}

export function requireHostContainer(sessions: SessionService, sessionId: string, host: string): string {
  const id = findHostContainer(sessions, sessionId, host);
  if (id === null) throw new SessionError("not_found", `no ready session ${sessionId} with host ${host}`);
  return id;
}
