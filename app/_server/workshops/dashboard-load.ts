/**
 * Loads the dashboard of one workshop: its learners, their sessions (states corrected by one listing of
 * the runner — a row the runner no longer knows is closed as expired), step rows and check runs, then
 * builds the view (dashboard-view.ts). One database round per table and one runner call, whatever the
 * number of learners, because the dashboard stream runs this every tick. A runner that does not answer
 * leaves the recorded states as they are (the view says so) rather than blanking the dashboard.
 */
import type { Lab } from "../../../labs/index";
import type { LabSessionDeps } from "../lab-sessions";
import { LabSessionError, type LiveSession } from "../runner-client";
import { publicLearnerId } from "../player/identity";
import { dashboardView, type DashboardView } from "./dashboard-view";
import { phaseOf } from "./plan";
import type { WorkshopRecord } from "./store";

const LIVE = ["provisioning", "ready"];

export async function loadDashboard(deps: LabSessionDeps, w: WorkshopRecord, now: Date): Promise<DashboardView> {
  const { prisma } = deps;
  const [learners, rows, messages] = await Promise.all([
    prisma.workshopLearner.findMany({ where: { workshopId: w.id }, orderBy: { joinedAt: "asc" } }),
    prisma.labSession.findMany({ where: { workshopId: w.id }, include: { steps: true, checkRuns: { select: { stepId: true, runId: true, checkName: true, passed: true, message: true, createdAt: true, trigger: true } } } }),
    prisma.workshopMessage.findMany({ where: { workshopId: w.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const openRows = rows.filter((r) => LIVE.includes(r.state));
  const live = openRows.length > 0 ? await liveSessions(deps) : null;
  if (live) {
    for (const row of openRows) {
      const s = live.get(row.id);
      const state = s?.state ?? "expired";
      if (state === row.state && (!s || s.expiresAt === row.expiresAt.toISOString())) continue;
      const ended = !LIVE.includes(state);
      row.state = state;
      if (s) row.expiresAt = new Date(s.expiresAt);
      await prisma.labSession.update({ where: { id: row.id }, data: { state, expiresAt: row.expiresAt, ...(ended ? { endedAt: now } : {}) } });
    }
  }
  const labs: Lab[] = [];
  for (const id of w.labIds) {
    const lab = await deps.loadLab(id).catch(() => null); // a lab removed from disk since: leave its column out
    if (lab) labs.push(lab);
  }
  return dashboardView({
    workshop: { id: w.id, title: w.title, joinCode: w.joinCode, phase: phaseOf(w, now), startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), capacity: w.capacity, warmedAt: w.warmedAt?.toISOString() ?? null },
    labs,
    learners: learners.map((l) => ({ publicId: publicLearnerId(l.userId), userId: l.userId, displayName: l.displayName, joinedAt: l.joinedAt })),
    sessions: rows.map((r) => ({ id: r.id, userId: r.userId, labId: r.labId, state: r.state, createdAt: r.createdAt, expiresAt: r.expiresAt, steps: r.steps, runs: r.checkRuns })),
    messages,
    now,
    runnerUnavailable: openRows.length > 0 && live === null,
  });
}

/**
 * The runner's sessions by id, or null when the runner does not answer (restarting, Docker down): the
 * instructor still gets the room's progress, which the database holds, with a notice instead of nothing.
 */
async function liveSessions(deps: LabSessionDeps): Promise<Map<string, LiveSession> | null> {
  try {
    return new Map((await deps.runner.list()).map((s) => [s.id, s]));
  } catch (err) {
    if (err instanceof LabSessionError && err.kind === "runner_unavailable") return null;
    throw err;
  }
}
