/**
 * Workshops in the database: create (with a fresh unique join code), edit, list and fetch, always as the
 * instructor asking — an instructor sees the workshops they created, an admin sees all; anyone else's is
 * "not found", never a hint that it exists. Rows become WorkshopRecord here (lab ids as a list, the
 * password hash reduced to "has a password").
 */
import { randomInt } from "node:crypto";
import type { PrismaClient } from "../../../prisma/db";
import { WorkshopError } from "./errors";
import { newJoinCode } from "./join-code";
import type { WorkshopSettings } from "./workshop-form";

export interface PasswordKdf {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
}

export interface Asker {
  id: string;
  role: "instructor" | "admin";
}

export interface WorkshopRecord {
  id: string;
  title: string;
  joinCode: string;
  labIds: string[];
  capacity: number;
  startsAt: Date;
  endsAt: Date;
  timeLimitMinutes: number;
  hasPassword: boolean;
  warmSharePercent: number;
  warmedAt: Date | null;
  endedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
}

type Row = Omit<WorkshopRecord, "labIds" | "hasPassword"> & { labIds: string; passwordHash: string | null };

export function toRecord(row: Row): WorkshopRecord {
  const { passwordHash, labIds, ...rest } = row;
  return { ...rest, labIds: labIds.split(",").filter(Boolean), hasPassword: passwordHash !== null };
}

const ownedBy = (asker: Asker) => (asker.role === "admin" ? {} : { createdById: asker.id });

export async function createWorkshop(prisma: PrismaClient, kdf: PasswordKdf, asker: Asker, s: WorkshopSettings): Promise<WorkshopRecord> {
  const passwordHash = s.password ? await kdf.hash(s.password) : null;
  const data = { title: s.title, labIds: s.labIds.join(","), capacity: s.capacity, startsAt: s.startsAt, endsAt: s.endsAt, timeLimitMinutes: s.timeLimitMinutes, warmSharePercent: s.warmSharePercent, passwordHash, createdById: asker.id };
  // 25^6 ≈ 244 million codes: a clash is rare, and the unique index turns one into a retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = newJoinCode(randomInt);
    if (await prisma.workshop.findUnique({ where: { joinCode }, select: { id: true } })) continue;
    return toRecord(await prisma.workshop.create({ data: { ...data, joinCode } }));
  }
  throw new WorkshopError("conflict", "could not find a free join code; try again");
}

export async function updateWorkshop(prisma: PrismaClient, kdf: PasswordKdf, asker: Asker, id: string, s: WorkshopSettings): Promise<WorkshopRecord> {
  await getWorkshop(prisma, asker, id);
  const password = s.password === undefined ? {} : { passwordHash: s.password === null ? null : await kdf.hash(s.password) };
  const row = await prisma.workshop.update({
    where: { id },
    data: { title: s.title, labIds: s.labIds.join(","), capacity: s.capacity, startsAt: s.startsAt, endsAt: s.endsAt, timeLimitMinutes: s.timeLimitMinutes, warmSharePercent: s.warmSharePercent, ...password },
  });
  return toRecord(row);
}

export async function getWorkshop(prisma: PrismaClient, asker: Asker, id: string): Promise<WorkshopRecord> {
  const row = await prisma.workshop.findFirst({ where: { id, ...ownedBy(asker) } });
  if (!row) throw new WorkshopError("not_found", `no workshop ${id}`);
  return toRecord(row);
}

export async function listWorkshops(prisma: PrismaClient, asker: Asker): Promise<Array<WorkshopRecord & { learners: number }>> {
  const rows = await prisma.workshop.findMany({ where: ownedBy(asker), orderBy: { startsAt: "desc" }, include: { _count: { select: { learners: true } } } });
  return rows.map(({ _count, ...row }) => ({ ...toRecord(row), learners: _count.learners }));
}
