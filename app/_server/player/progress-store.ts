/**
 * The lab player's progress in the database: StepProgress rows (one per step the learner touched) and
 * CheckRun rows (one per check execution, grouped by runId). Every transition is a guarded update
 * (`where status is still open`, `where startedAt is still null`), so the learner's Check button and the
 * background auto-check racing each other cannot count a pass twice or run a step's setup twice. Because
 * all of it lives in the database, progress survives reloads, web restarts and runner restarts.
 */
import { randomUUID } from "node:crypto";
import type { Lab } from "../../../labs/index";
import type { PrismaClient } from "../../../prisma/db";
import { capCheckOutput, type CheckTrigger } from "../../../prisma/model";
import { LabSessionError } from "../runner-client";
import { progressView, type CheckResultView, type ProgressView } from "./progress-model";

export interface SessionRef {
  id: string;
  labId: string;
  createdAt: Date;
}

/** The learner's own session; anyone else's is "not found" (no hint that it exists). */
export async function ownedSession(prisma: PrismaClient, userId: string, sessionId: string): Promise<SessionRef> {
  const row = await prisma.labSession.findFirst({ where: { id: sessionId, userId }, select: { id: true, labId: true, createdAt: true } });
  if (!row) throw new LabSessionError("not_found", `no session ${sessionId}`);
  return row;
}

export async function sessionById(prisma: PrismaClient, sessionId: string): Promise<SessionRef | null> {
  return prisma.labSession.findUnique({ where: { id: sessionId }, select: { id: true, labId: true, createdAt: true } });
}

const key = (sessionId: string, stepId: string) => ({ sessionId_stepId: { sessionId, stepId } });

/** Makes sure a row exists for a step the learner is acting on (open steps have none until then). */
export async function ensureStepRow(prisma: PrismaClient, sessionId: string, stepId: string): Promise<void> {
  await prisma.stepProgress.upsert({ where: key(sessionId, stepId), create: { sessionId, stepId, status: "active" }, update: {} });
}

export async function loadProgress(prisma: PrismaClient, session: SessionRef, lab: Lab): Promise<ProgressView> {
  const first = lab.steps[0];
  if (first) {
    // The first step's setup ran with provisioning, so it counts as started when the session did.
    await prisma.stepProgress.upsert({ where: key(session.id, first.id), create: { sessionId: session.id, stepId: first.id, status: "active", startedAt: session.createdAt }, update: {} });
  }
  const [records, runs] = await Promise.all([
    prisma.stepProgress.findMany({ where: { sessionId: session.id } }),
    prisma.checkRun.findMany({ where: { sessionId: session.id }, select: { stepId: true, runId: true, checkName: true, passed: true, message: true, createdAt: true } }),
  ]);
  return progressView({ sessionId: session.id, lab, records, runs });
}

export async function isStarted(prisma: PrismaClient, sessionId: string, stepId: string): Promise<boolean> {
  const row = await prisma.stepProgress.findUnique({ where: key(sessionId, stepId), select: { startedAt: true } });
  return row?.startedAt != null;
}

/** True for exactly one caller: the one that gets to run the step's setup. */
export async function claimStart(prisma: PrismaClient, sessionId: string, stepId: string, now = new Date()): Promise<boolean> {
  await ensureStepRow(prisma, sessionId, stepId);
  const { count } = await prisma.stepProgress.updateMany({ where: { sessionId, stepId, startedAt: null }, data: { startedAt: now } });
  return count === 1;
}

/** After a failed setup: the next start tries again. */
export async function releaseStart(prisma: PrismaClient, sessionId: string, stepId: string): Promise<void> {
  await prisma.stepProgress.updateMany({ where: { sessionId, stepId }, data: { startedAt: null } });
}

export interface RecordedCheck extends CheckResultView {
  output: string;
  durationMs: number;
}

export async function recordRun(prisma: PrismaClient, sessionId: string, stepId: string, trigger: CheckTrigger, checks: readonly RecordedCheck[]): Promise<void> {
  const runId = randomUUID();
  const createdAt = new Date();
  await prisma.checkRun.createMany({
    data: checks.map((c) => ({
      sessionId, stepId, runId, trigger, createdAt, checkName: c.name, passed: c.passed, message: c.message || null,
      output: capCheckOutput(c.output), durationMs: Math.round(c.durationMs),
    })),
  });
}

/** The newest recorded run of a step, in recording order (for skipping identical background runs). */
export async function lastRun(prisma: PrismaClient, sessionId: string, stepId: string): Promise<{ name: string; passed: boolean; message: string }[] | null> {
  const newest = await prisma.checkRun.findFirst({ where: { sessionId, stepId }, orderBy: { createdAt: "desc" }, select: { runId: true } });
  if (!newest) return null;
  const rows = await prisma.checkRun.findMany({ where: { sessionId, stepId, runId: newest.runId }, select: { checkName: true, passed: true, message: true } });
  return rows.map((r) => ({ name: r.checkName, passed: r.passed, message: r.message ?? "" }));
}

/** Counts one learner attempt, only while the step is still open. */
export async function countAttempt(prisma: PrismaClient, sessionId: string, stepId: string): Promise<void> {
  await prisma.stepProgress.updateMany({ where: { sessionId, stepId, status: "active" }, data: { attempts: { increment: 1 } } });
}

/** Closes an open step as passed or skipped; false when it was already closed. */
export async function markDone(prisma: PrismaClient, sessionId: string, stepId: string, status: "passed" | "skipped", at = new Date()): Promise<boolean> {
  await ensureStepRow(prisma, sessionId, stepId);
  const { count } = await prisma.stepProgress.updateMany({ where: { sessionId, stepId, status: "active" }, data: { status, passedAt: at } });
  return count === 1;
}

/**
 * A skip's solve can take a while, and the background auto-check may see the step done meanwhile and mark
 * it passed; the learner asked to skip, so a pass recorded since `since` becomes the skip it really was.
 */
export async function passedDuringSkip(prisma: PrismaClient, sessionId: string, stepId: string, since: Date): Promise<void> {
  await prisma.stepProgress.updateMany({ where: { sessionId, stepId, status: "passed", passedAt: { gte: since } }, data: { status: "skipped" } });
}

/** Reveals the next hint; returns its index, or null when every hint is already shown. */
export async function revealNextHint(prisma: PrismaClient, sessionId: string, stepId: string, total: number): Promise<number | null> {
  await ensureStepRow(prisma, sessionId, stepId);
  const { count } = await prisma.stepProgress.updateMany({ where: { sessionId, stepId, hintsUsed: { lt: total } }, data: { hintsUsed: { increment: 1 } } });
  if (count === 0) return null;
  const row = await prisma.stepProgress.findUniqueOrThrow({ where: key(sessionId, stepId), select: { hintsUsed: true } });
  return row.hintsUsed - 1;
}

export async function hintsUsed(prisma: PrismaClient, sessionId: string, stepId: string): Promise<number> {
  return (await prisma.stepProgress.findUnique({ where: key(sessionId, stepId), select: { hintsUsed: true } }))?.hintsUsed ?? 0;
}

export async function revealSolution(prisma: PrismaClient, sessionId: string, stepId: string): Promise<void> {
  await ensureStepRow(prisma, sessionId, stepId);
  await prisma.stepProgress.update({ where: key(sessionId, stepId), data: { solutionRevealed: true } });
}

export async function touchSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.labSession.update({ where: { id: sessionId }, data: { lastActivityAt: new Date() } });
}
