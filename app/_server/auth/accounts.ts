/**
 * Instructor accounts: first-run setup (the first account is the admin, and setup closes once any
 * account with a password exists), accounts an admin creates, and the password login with its rate
 * limit. Accounts are User rows with email + passwordHash + role instructor|admin; learners stay
 * anonymous rows without them. Errors are AuthError kinds; routes map them in one place.
 */
import type { PrismaClient } from "../../../prisma/db";
import { AuthError } from "./errors";
import { DUMMY_HASH, hashPassword, needsRehash, PASSWORD_MAX, verifyPassword } from "./password";
import { accountKey, addressKey, type LoginRateLimiter } from "./rate-limit";
import { isInstructorRole, type Instructor, type InstructorRole } from "./types";

export const PASSWORD_MIN = 12;
const EMAIL_MAX = 254;

/** An email as stored: trimmed and lower-cased, one @, no spaces. */
export function parseEmail(input: unknown): string {
  const email = typeof input === "string" ? input.trim().toLowerCase() : "";
  if (email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new AuthError("bad_request", "enter a valid email address (name@example.org)");
  return email;
}

/** Throws unless an account password is 12 to 1024 characters. */
export function checkPasswordPolicy(input: unknown): string {
  if (typeof input !== "string" || input.length < PASSWORD_MIN) throw new AuthError("bad_request", `a password needs at least ${PASSWORD_MIN} characters`);
  if (input.length > PASSWORD_MAX) throw new AuthError("bad_request", `a password is at most ${PASSWORD_MAX} characters`);
  return input;
}

function parseDisplayName(input: unknown): string | null {
  if (input === undefined || input === null || input === "") return null;
  const name = typeof input === "string" ? input.trim().replace(/\s+/g, " ") : "";
  if (name.length < 1 || name.length > 60 || /[\p{Cc}\p{Cf}]/u.test(name)) throw new AuthError("bad_request", "a display name is 1 to 60 characters of text");
  return name;
}

export interface NewAccount {
  email: unknown;
  password: unknown;
  displayName?: unknown;
}

/** True while no account can log in, i.e. /setup is open. */
export async function needsSetup(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count({ where: { passwordHash: { not: null } } })) === 0;
}

async function insertAccount(prisma: PrismaClient, input: NewAccount, role: InstructorRole): Promise<Instructor> {
  const email = parseEmail(input.email);
  const password = checkPasswordPolicy(input.password);
  const displayName = parseDisplayName(input.displayName);
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new AuthError("conflict", `an account for ${email} already exists`);
  const user = await prisma.user.create({ data: { email, passwordHash: await hashPassword(password), role, displayName } });
  return { id: user.id, email, displayName, role };
}

/** Creates the first account, an admin. Refused (409) once any account exists. */
export async function setupFirstAdmin(prisma: PrismaClient, input: NewAccount): Promise<Instructor> {
  if (!(await needsSetup(prisma))) throw new AuthError("conflict", "setup is already done: sign in instead");
  const admin = await insertAccount(prisma, input, "admin");
  // Two setup forms submitted at once could both pass the check above; the earliest account wins, the other is undone.
  const first = await prisma.user.findFirst({ where: { passwordHash: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (first?.id !== admin.id) {
    await prisma.user.delete({ where: { id: admin.id } });
    throw new AuthError("conflict", "setup is already done: sign in instead");
  }
  return admin;
}

/** An admin creates another account (instructor by default) with an initial password. */
export async function createAccount(prisma: PrismaClient, by: Instructor, input: NewAccount & { role?: unknown }): Promise<Instructor> {
  if (by.role !== "admin") throw new AuthError("forbidden", "only an admin can create accounts");
  const role = input.role === undefined ? "instructor" : input.role;
  if (typeof role !== "string" || !isInstructorRole(role)) throw new AuthError("bad_request", 'role is "instructor" or "admin"');
  return insertAccount(prisma, input, role);
}

export async function listAccounts(prisma: PrismaClient): Promise<Array<Instructor & { createdAt: Date }>> {
  const rows = await prisma.user.findMany({ where: { passwordHash: { not: null }, role: { in: ["instructor", "admin"] } }, orderBy: { createdAt: "asc" } });
  return rows.map((u) => ({ id: u.id, email: u.email!, displayName: u.displayName, role: u.role as InstructorRole, createdAt: u.createdAt }));
}

/**
 * Checks email + password under the rate limit (per account and per client address). Unknown emails
 * cost the same scrypt work as known ones and fail with the same message.
 */
export async function authenticate(prisma: PrismaClient, limiter: LoginRateLimiter, input: { email: unknown; password: unknown; address: string }): Promise<Instructor> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  const keys = [accountKey(email), addressKey(input.address)];
  const verdict = await limiter.check(keys);
  if (!verdict.allowed) throw new AuthError("rate_limited", `too many failed sign-ins; try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} min`, verdict.retryAfterSeconds);
  const user = email ? await prisma.user.findUnique({ where: { email } }) : null;
  const hash = user?.passwordHash ?? DUMMY_HASH;
  const ok = (await verifyPassword(password, hash)) && !!user?.passwordHash && isInstructorRole(user.role);
  if (!ok || !user) {
    await limiter.recordFailure(keys);
    throw new AuthError("invalid_credentials", "wrong email or password");
  }
  await limiter.recordSuccess(accountKey(email));
  if (needsRehash(hash)) await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return { id: user.id, email: user.email!, displayName: user.displayName, role: user.role as InstructorRole };
}
