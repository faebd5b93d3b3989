/**
 * What an instructor does to a running workshop: warm it up, reset or extend one learner's environment,
 * extend everyone, broadcast a message, open a learner's terminal read-only, and end it (every session
 * stopped, its containers removed, its warm seats given back). Learners are addressed by their public
 * id; only learners of this workshop can be found, and only this workshop's sessions are touched.
 * `syncPool` recomputes the runner's runtime pool targets from every workshop that is warming.
 */
import type { PrismaClient } from "../../../prisma/db";
import type { LabSessionDeps } from "../lab-sessions";
import { publicLearnerId } from "../player/identity";
import type { RunnerClient } from "../runner-client";
import { WorkshopError } from "./errors";
import { poolTargets } from "./plan";
import { toRecord, type WorkshopRecord } from "./store";

const LIVE = ["provisioning", "ready"];
export const MESSAGE_MAX = 500;

async function learnerOf(prisma: PrismaClient, w: WorkshopRecord, publicId: string): Promise<string> {
  const learners = await prisma.workshopLearner.findMany({ where: { workshopId: w.id }, select: { userId: true } });
  const found = learners.find((l) => publicLearnerId(l.userId) === publicId);
  if (!found) throw new WorkshopError("not_found", `no learner ${publicId} in this workshop`);
  return found.userId;
}

async function liveSessions(prisma: PrismaClient, w: WorkshopRecord, userId?: string) {
  return prisma.labSession.findMany({ where: { workshopId: w.id, state: { in: LIVE }, ...(userId ? { userId } : {}) }, orderBy: { createdAt: "desc" } });
}

/** Sets the runner's runtime pool targets from every workshop warming now; returns them. */
export async function syncPool(prisma: PrismaClient, runner: RunnerClient, now: Date): Promise<Record<string, number>> {
  const rows = await prisma.workshop.findMany({ where: { endedAt: null, endsAt: { gt: now } } });
  const warming = [];
  for (const row of rows) {
    const inUse = await prisma.labSession.findMany({ where: { workshopId: row.id, state: { in: LIVE } }, distinct: ["userId"], select: { userId: true } });
    warming.push({ ...toRecord(row), seatsInUse: inUse.length });
  }
  const targets = poolTargets(warming, now);
  await runner.setPoolTargets(targets);
  return targets;
}

export async function warmUp(deps: LabSessionDeps, w: WorkshopRecord, now: Date): Promise<Record<string, number>> {
  if (w.endedAt || now >= w.endsAt) throw new WorkshopError("ended", "this workshop is over");
  await deps.prisma.workshop.update({ where: { id: w.id }, data: { warmedAt: w.warmedAt ?? now } });
  return syncPool(deps.prisma, deps.runner, now);
}

export async function resetLearner(deps: LabSessionDeps, w: WorkshopRecord, publicId: string, labId?: string): Promise<number> {
  const userId = await learnerOf(deps.prisma, w, publicId);
  const sessions = (await liveSessions(deps.prisma, w, userId)).filter((s) => !labId || s.labId === labId);
  if (sessions.length === 0) throw new WorkshopError("conflict", "this learner has no running environment to reset");
  for (const s of sessions) {
    const live = await deps.runner.reset(s.id);
    await deps.prisma.labSession.update({ where: { id: s.id }, data: { state: live.state } });
  }
  return sessions.length;
}

async function extend(deps: LabSessionDeps, sessions: Array<{ id: string }>, minutes: number): Promise<number> {
  let done = 0;
  for (const s of sessions) {
    try {
      const live = await deps.runner.extend(s.id, minutes * 60_000);
      await deps.prisma.labSession.update({ where: { id: s.id }, data: { expiresAt: new Date(live.expiresAt) } });
      done++;
    } catch {
      // One learner at their maximum lifetime (or just ended) must not stop everyone else's extension.
    }
  }
  return done;
}

export async function extendLearner(deps: LabSessionDeps, w: WorkshopRecord, publicId: string, minutes: number): Promise<number> {
  const userId = await learnerOf(deps.prisma, w, publicId);
  const sessions = await liveSessions(deps.prisma, w, userId);
  if (sessions.length === 0) throw new WorkshopError("conflict", "this learner has no running environment to extend");
  return extend(deps, sessions, minutes);
}

export async function extendAll(deps: LabSessionDeps, w: WorkshopRecord, minutes: number): Promise<number> {
  return extend(deps, await liveSessions(deps.prisma, w), minutes);
}

export async function broadcast(prisma: PrismaClient, w: WorkshopRecord, input: unknown): Promise<void> {
  const text = typeof input === "string" ? input.trim() : "";
  if (text.length < 1 || text.length > MESSAGE_MAX) throw new WorkshopError("bad_request", `a message is 1 to ${MESSAGE_MAX} characters`);
  await prisma.workshopMessage.create({ data: { workshopId: w.id, text } });
}

/** A read-only terminal path for a learner's session in this workshop (the newest live one, or the lab's). */
export async function shadowTerminal(deps: LabSessionDeps, w: WorkshopRecord, publicId: string, labId: string | undefined, host: string | undefined): Promise<{ path: string; sessionId: string; host: string }> {
  const userId = await learnerOf(deps.prisma, w, publicId);
  const session = (await liveSessions(deps.prisma, w, userId)).find((s) => !labId || s.labId === labId);
  if (!session) throw new WorkshopError("conflict", "this learner has no running environment to watch");
  const live = await deps.runner.find(session.id);
  const target = host ?? live?.hosts[0];
  if (!live || live.state !== "ready" || !target) throw new WorkshopError("conflict", "this learner's environment is not ready yet");
  return { path: await deps.runner.terminalPath(session.id, target, "main", { readOnly: true }), sessionId: session.id, host: target };
}

/** Ends the workshop: no more joins, every session stopped (containers removed), warm seats given back. */
export async function endWorkshop(deps: LabSessionDeps, w: WorkshopRecord, now: Date): Promise<{ stopped: number }> {
  await deps.prisma.workshop.update({ where: { id: w.id }, data: { endedAt: w.endedAt ?? now } });
  const sessions = await liveSessions(deps.prisma, w);
  for (const s of sessions) {
    await deps.runner.stop(s.id);
    await deps.prisma.labSession.update({ where: { id: s.id }, data: { state: "stopped", endedAt: now } });
  }
  await syncPool(deps.prisma, deps.runner, now);
  return { stopped: sessions.length };
}
