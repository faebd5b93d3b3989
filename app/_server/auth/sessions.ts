/**
 * Instructor sessions in the database: create one at login (returning the cookie's token), resolve a
 * cookie to its instructor while sliding the expiry forward, and delete one at logout. A session idles
 * out after `idleMs` without use and ends for good `absoluteMs` after login, whatever the activity.
 */
import type { PrismaClient } from "../../../prisma/db";
import { hashSessionToken, isWellFormedToken, newSessionToken } from "./tokens";
import { isInstructorRole, type Instructor } from "./types";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: Readonly<SessionPolicy> = Object.freeze({ idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 });
/** Writing lastSeenAt on every request would make each page view a database write; once a minute is plenty. */
const TOUCH_EVERY_MS = 60_000;

export async function createInstructorSession(prisma: PrismaClient, userId: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + policy.idleMs);
  await prisma.instructorSession.create({ data: { tokenHash: hashSessionToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt } });
  // Opportunistic clean-up: expired rows are useless and would otherwise pile up.
  await prisma.instructorSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return { token, expiresAt };
}

/** The instructor behind a cookie token, or null (unknown, expired, or the account lost its role). */
export async function resolveInstructorSession(prisma: PrismaClient, token: string | undefined, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now = new Date()): Promise<Instructor | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await prisma.instructorSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { id: true, email: true, displayName: true, role: true, passwordHash: true } } },
  });
  if (!row) return null;
  if (row.expiresAt <= now || row.createdAt.getTime() + policy.absoluteMs <= now.getTime()) {
    await prisma.instructorSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  const { user } = row;
  if (!user.email || !user.passwordHash || !isInstructorRole(user.role)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const expiresAt = new Date(Math.min(now.getTime() + policy.idleMs, row.createdAt.getTime() + policy.absoluteMs));
    await prisma.instructorSession.updateMany({ where: { id: row.id }, data: { lastSeenAt: now, expiresAt } });
  }
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

export async function deleteInstructorSession(prisma: PrismaClient, token: string | undefined): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await prisma.instructorSession.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
