/**
 * Joining a workshop as a learner: by join code, with a display name (and the access password when the
 * workshop has one). The learner is the anonymous learner of this browser (the learner cookie), now with
 * the display name the instructor will see. Refusals say what is wrong in plain words: no such code, not
 * started yet (and when it starts), over, full, wrong password. Joining again (a reload, another tab) is
 * not a second seat. `workshopForLab` is what starting a lab asks: is this learner in a running workshop
 * that has this lab — then the session belongs to it and gets its time limit.
 */
import type { PrismaClient } from "../../../prisma/db";
import { formatWhen } from "../../_ui/workshops/when";
import { parseDisplayName } from "../player/identity";
import { WorkshopError } from "./errors";
import { normalizeJoinCode } from "./join-code";
import { phaseOf } from "./plan";
import { toRecord, type PasswordKdf, type WorkshopRecord } from "./store";

/** What a join page shows before anyone types a name (no secrets: no password hash, no learners). */
export interface JoinInfo {
  joinCode: string;
  title: string;
  labIds: string[];
  startsAt: string;
  endsAt: string;
  needsPassword: boolean;
  phase: "scheduled" | "running" | "ended";
}

async function byCode(prisma: PrismaClient, input: string) {
  const code = normalizeJoinCode(input);
  const row = code ? await prisma.workshop.findUnique({ where: { joinCode: code } }) : null;
  if (!row) throw new WorkshopError("not_found", "there is no workshop with that code; check it with your instructor");
  return row;
}

export async function joinInfo(prisma: PrismaClient, code: string, now: Date): Promise<JoinInfo> {
  const w = toRecord(await byCode(prisma, code));
  return { joinCode: w.joinCode, title: w.title, labIds: w.labIds, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), needsPassword: w.hasPassword, phase: phaseOf(w, now) };
}

export interface JoinRequest {
  displayName?: unknown;
  password?: unknown;
}

export async function joinWorkshop(prisma: PrismaClient, kdf: PasswordKdf, learnerId: string, code: string, req: JoinRequest, now: Date): Promise<WorkshopRecord> {
  const row = await byCode(prisma, code);
  const w = toRecord(row);
  const phase = phaseOf(w, now);
  if (phase === "scheduled") throw new WorkshopError("not_started", `“${w.title}” has not started yet: it starts at ${formatWhen(w.startsAt)}`);
  if (phase === "ended") throw new WorkshopError("ended", `“${w.title}” is over; ask your instructor for a new code`);
  const displayName = parseDisplayName(req.displayName);
  if (row.passwordHash) {
    const given = typeof req.password === "string" ? req.password : "";
    if (!given || !(await kdf.verify(given, row.passwordHash))) throw new WorkshopError("wrong_password", "that is not the workshop's password");
  }
  const key = { workshopId_userId: { workshopId: w.id, userId: learnerId } };
  const already = await prisma.workshopLearner.findUnique({ where: key, select: { userId: true } });
  if (!already) {
    // Counting then inserting can let two last-second joins both in; one seat over is better than a lock per join.
    const taken = await prisma.workshopLearner.count({ where: { workshopId: w.id } });
    if (taken >= w.capacity) throw new WorkshopError("full", `“${w.title}” is full (${w.capacity} seats); ask your instructor`);
  }
  await prisma.workshopLearner.upsert({ where: key, create: { workshopId: w.id, userId: learnerId, displayName }, update: { displayName } });
  await prisma.user.update({ where: { id: learnerId }, data: { displayName } });
  return w;
}

/** The running workshop (if any) this learner joined that includes the lab, with its per-learner time limit. */
export async function workshopForLab(prisma: PrismaClient, learnerId: string, labId: string, now: Date): Promise<{ workshopId: string; timeLimitMs: number } | null> {
  const joined = await prisma.workshopLearner.findMany({ where: { userId: learnerId }, include: { workshop: true }, orderBy: { joinedAt: "desc" } });
  for (const { workshop } of joined) {
    const w = toRecord(workshop);
    if (phaseOf(w, now) === "running" && w.labIds.includes(labId)) return { workshopId: w.id, timeLimitMs: w.timeLimitMinutes * 60_000 };
  }
  return null;
}

/** The workshop the learner is in now (the newest joined that is not over), for the player's banner stream. */
export async function currentWorkshopOf(prisma: PrismaClient, learnerId: string, now: Date): Promise<WorkshopRecord | null> {
  const joined = await prisma.workshopLearner.findMany({ where: { userId: learnerId }, include: { workshop: true }, orderBy: { joinedAt: "desc" }, take: 5 });
  for (const { workshop } of joined) {
    const w = toRecord(workshop);
    if (phaseOf(w, now) !== "ended") return w;
  }
  return null;
}
