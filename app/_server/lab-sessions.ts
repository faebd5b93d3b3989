/**
 * The learner-facing session lifecycle, on top of the runner client and the database: an anonymous
 * learner identity, "my live session for this lab" (so a reload finds the same environment), start,
 * stop, and terminal access that is only granted for the learner's own session. The database records
 * what the learner did; the runner is asked what still exists, and rows are closed when it says gone.
 * A learner in a running workshop that has the lab gets a session tagged with the workshop, under the
 * workshop's per-learner time limit (the instructor's dashboard follows it from there).
 */
import { randomBytes } from "node:crypto";
import type { Lab } from "../../labs/index";
import type { PrismaClient } from "../../prisma/db";
import type { EnvironmentSpec } from "../../runner/environment/spec";
import { isDone } from "./player/progress-model";
import { LabSessionError, type LiveSession, type RunnerClient } from "./runner-client";
import { syncPool } from "./workshops/actions";
import { workshopForLab } from "./workshops/join";

export interface LabSessionDeps {
  prisma: PrismaClient;
  runner: RunnerClient;
  loadSpec(labId: string): Promise<EnvironmentSpec>;
  /** The lab definition (steps and their checks); rejects with InvalidEnvironmentError when unknown. */
  loadLab(labId: string): Promise<Lab>;
}

const LIVE_STATES = ["provisioning", "ready"];

/** The learner behind a cookie value, creating a new anonymous learner when there is none (or it is unknown). */
export async function ensureLearner(prisma: PrismaClient, cookieValue: string | undefined): Promise<{ id: string; created: boolean }> {
  if (cookieValue && (await prisma.user.findUnique({ where: { id: cookieValue }, select: { id: true } }))) return { id: cookieValue, created: false };
  // The id doubles as the cookie secret, so it must be unguessable (a cuid is not).
  const user = await prisma.user.create({ data: { id: randomBytes(24).toString("base64url") } });
  return { id: user.id, created: true };
}

export async function currentSession(deps: LabSessionDeps, userId: string, labId: string): Promise<LiveSession | null> {
  const rows = await deps.prisma.labSession.findMany({ where: { userId, labId, state: { in: LIVE_STATES } }, orderBy: { createdAt: "desc" } });
  for (const row of rows) {
    const live = await deps.runner.find(row.id);
    if (live && LIVE_STATES.includes(live.state)) {
      if (live.state !== row.state) await deps.prisma.labSession.update({ where: { id: row.id }, data: { state: live.state } });
      return live;
    }
    await deps.prisma.labSession.update({ where: { id: row.id }, data: { state: live?.state ?? "expired", endedAt: new Date() } });
  }
  return null;
}

/** How far the learner got in their most recent environment of this lab that has ended (stopped or expired). */
export interface LastAttempt {
  stepsDone: number;
  stepsTotal: number;
  endedAt: string;
}

export async function lastAttempt(deps: LabSessionDeps, userId: string, labId: string): Promise<LastAttempt | null> {
  const row = await latestEndedSession(deps.prisma, { userId, labId });
  if (!row) return null;
  const lab = await deps.loadLab(labId);
  const stepsDone = row.steps.filter((s) => isDone(s.status)).length;
  return { stepsDone, stepsTotal: lab.steps.length, endedAt: (row.endedAt ?? row.expiresAt).toISOString() };
}

/** The learner's most recent environment of a lab that ended (stopped or expired; a failed one never held work), with its step records. */
function latestEndedSession(prisma: PrismaClient, where: { userId: string; labId: string; workshopId?: string | null }) {
  return prisma.labSession.findFirst({ where: { ...where, state: { notIn: [...LIVE_STATES, "failed"] } }, orderBy: { createdAt: "desc" }, include: { steps: true } });
}

export async function startSession(deps: LabSessionDeps, userId: string, labId: string): Promise<LiveSession> {
  const existing = await currentSession(deps, userId, labId);
  if (existing) return existing;
  const spec = await deps.loadSpec(labId);
  const workshop = await workshopForLab(deps.prisma, userId, labId, new Date());
  const live = await deps.runner.start(spec, workshop ? { timeLimitMs: workshop.timeLimitMs } : undefined);
  await deps.prisma.labSession.create({ data: { id: live.id, userId, labId, state: live.state, expiresAt: new Date(live.expiresAt), workshopId: workshop?.workshopId ?? null } });
  await carryOverProgress(deps, { userId, labId, workshopId: workshop?.workshopId ?? null, into: live.id });
  // A seat is taken now: the pool need not keep it warm any more (a runner that cannot be told keeps one spare).
  if (workshop) await syncPool(deps.prisma, deps.runner, new Date()).catch(() => undefined);
  return live;
}

/**
 * A learner whose environment ended (stopped, expired) before they finished the lab picks up where they were:
 * the new session takes over the last one's step records, marked not started, so the player replays the
 * finished steps in the fresh environment (setup and solve, as after a reset) and sets up the current one.
 * A finished lab starts over. Only attempts in the same context carry over (self-paced, or the same workshop).
 */
async function carryOverProgress(deps: LabSessionDeps, s: { userId: string; labId: string; workshopId: string | null; into: string }): Promise<void> {
  // The new session is live, so it is never the ended one found here.
  const previous = await latestEndedSession(deps.prisma, { userId: s.userId, labId: s.labId, workshopId: s.workshopId });
  if (!previous || previous.steps.length === 0) return;
  const lab = await deps.loadLab(s.labId);
  const done = (stepId: string) => previous.steps.some((p) => p.stepId === stepId && isDone(p.status));
  if (lab.steps.every((step) => done(step.id))) return;
  await deps.prisma.stepProgress.createMany({
    data: previous.steps.map(({ stepId, status, attempts, hintsUsed, solutionRevealed, passedAt }) => ({ sessionId: s.into, stepId, status, attempts, hintsUsed, solutionRevealed, passedAt, startedAt: null })),
  });
}

export async function stopSession(deps: LabSessionDeps, userId: string, labId: string): Promise<void> {
  const live = await currentSession(deps, userId, labId);
  if (!live) return;
  await deps.runner.stop(live.id);
  await deps.prisma.labSession.update({ where: { id: live.id }, data: { state: "stopped", endedAt: new Date() } });
}

/** Proves the session is the learner's own; anyone else's is "not found" (no hint that it exists). */
async function own(deps: LabSessionDeps, userId: string, sessionId: string): Promise<void> {
  const row = await deps.prisma.labSession.findFirst({ where: { id: sessionId, userId }, select: { id: true } });
  if (!row) throw new LabSessionError("not_found", `no session ${sessionId}`);
}

/** A terminal WebSocket path for one host of the learner's own session; anyone else's is "not found". */
export async function terminalPath(deps: LabSessionDeps, userId: string, sessionId: string, host: string, terminalId?: string): Promise<string> {
  await own(deps, userId, sessionId);
  await deps.prisma.labSession.update({ where: { id: sessionId }, data: { lastActivityAt: new Date() } });
  return deps.runner.terminalPath(sessionId, host, terminalId);
}

/** Ends one of the learner's extra terminals (the tab's "×"); the main terminal of a host stays. */
export async function closeTerminal(deps: LabSessionDeps, userId: string, sessionId: string, host: string, terminalId: string): Promise<void> {
  if (terminalId === "main") throw new LabSessionError("bad_request", "a host's main terminal cannot be closed");
  await own(deps, userId, sessionId);
  await deps.runner.closeTerminal(sessionId, host, terminalId);
}

/** The provisioning progress of the learner's own session, as the runner's event stream. */
export async function sessionEvents(deps: LabSessionDeps, userId: string, sessionId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  await own(deps, userId, sessionId);
  return deps.runner.events(sessionId, signal);
}

/** How much one click on "Extend" adds; the runner caps it at the session's maximum lifetime. */
export const EXTEND_BY_MS = 30 * 60_000;

export async function extendSession(deps: LabSessionDeps, userId: string, sessionId: string): Promise<LiveSession> {
  await own(deps, userId, sessionId);
  const live = await deps.runner.extend(sessionId, EXTEND_BY_MS);
  await deps.prisma.labSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(live.expiresAt), lastActivityAt: new Date() } });
  return live;
}

/** Starts the learner's environment over from scratch (same session); follow its events until ready. */
export async function resetSession(deps: LabSessionDeps, userId: string, sessionId: string): Promise<LiveSession> {
  await own(deps, userId, sessionId);
  const live = await deps.runner.reset(sessionId);
  await deps.prisma.labSession.update({ where: { id: sessionId }, data: { state: live.state, lastActivityAt: new Date() } });
  // Progress stays, but nothing the steps set up is in the fresh environment: marking every step not
  // started makes the player replay the finished ones and set up the current one (step-actions.ts).
  await deps.prisma.stepProgress.updateMany({ where: { sessionId }, data: { startedAt: null } });
  return live;
}
