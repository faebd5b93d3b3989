/**
 * What the admin page shows: every session the runner holds, joined with the database's records of who
 * it belongs to (learner display name, workshop), and the host's capacity (limits vs use). The runner
 * is the truth for what runs; the database only adds names. Warm-pool members have no learner yet;
 * ended sessions (stopped, expired, failed) are left out.
 */
import type { PrismaClient } from "../../../prisma/db";
import type { CapacityView, LiveSession, RunnerClient } from "../runner-client";
import { LabSessionError } from "../runner-client";

export interface AdminSessionRow {
  id: string;
  labId: string;
  state: LiveSession["state"];
  /** The learner's display name, "" for an unnamed learner, null for a warm-pool member (no learner). */
  learner: string | null;
  workshop: { id: string; title: string } | null;
  startedAt: string | null;
  expiresAt: string;
}

export interface AdminOverview {
  sessions: AdminSessionRow[];
  capacity: CapacityView;
}

const STATE_ORDER: Record<string, number> = { ready: 0, provisioning: 1, warm: 2 };
/** The runner keeps ended sessions for a while (so a learner's page can see why); the admin page shows running ones. */
const RUNNING = new Set<string>(["ready", "provisioning", "warm"]);

export async function adminOverview(prisma: PrismaClient, runner: RunnerClient): Promise<AdminOverview> {
  const [all, capacity] = await Promise.all([runner.list(), runner.capacity()]);
  const live = all.filter((s) => RUNNING.has(s.state));
  const rows = await prisma.labSession.findMany({
    where: { id: { in: live.map((s) => s.id) } },
    select: { id: true, createdAt: true, user: { select: { displayName: true } }, workshop: { select: { id: true, title: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sessions = live.map((s): AdminSessionRow => {
    const row = byId.get(s.id);
    return {
      id: s.id,
      labId: s.labId,
      state: s.state,
      learner: row ? (row.user.displayName ?? "") : null,
      workshop: row?.workshop ?? null,
      startedAt: row?.createdAt.toISOString() ?? null,
      expiresAt: s.expiresAt,
    };
  });
  sessions.sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || (a.startedAt ?? "").localeCompare(b.startedAt ?? "") || a.id.localeCompare(b.id));
  return { sessions, capacity };
}

/** Stops any session on the runner (admin power) and closes its database record if it has one. */
export async function adminStopSession(prisma: PrismaClient, runner: RunnerClient, sessionId: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId)) throw new LabSessionError("bad_request", `not a session id: ${sessionId}`);
  const live = await runner.find(sessionId);
  if (!live) throw new LabSessionError("not_found", `the runner has no session ${sessionId}`);
  await runner.stop(sessionId);
  await prisma.labSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { state: "stopped", endedAt: new Date() } });
}
