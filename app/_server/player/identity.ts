/**
 * The learner's identity as the player shows it: an anonymous learner (the cookie) with an optional
 * display name, and a resume link that binds another browser to the same learner ("same learner, new
 * device"). The link's token is its own random secret, made on first use, so the cookie value itself is
 * never shown to page scripts; the public `id` is a digest of the learner id, stable but not a secret.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../../prisma/db";
import { LabSessionError } from "../runner-client";

export interface MeView {
  id: string;
  displayName: string | null;
  resumeUrl: string;
}

export const DISPLAY_NAME_MAX = 40;

export const publicLearnerId = (learnerId: string) => createHash("sha256").update(`praxis-learner:${learnerId}`).digest("hex").slice(0, 20);
export const resumeUrl = (origin: string, token: string) => `${origin.replace(/\/+$/, "")}/resume/${encodeURIComponent(token)}`;

/** A display name as stored: trimmed, inner whitespace collapsed, 1–40 characters, no control characters. */
export function parseDisplayName(input: unknown): string {
  const name = typeof input === "string" ? input.trim().replace(/\s+/g, " ") : "";
  if (name.length < 1 || name.length > DISPLAY_NAME_MAX || /[\p{Cc}\p{Cf}]/u.test(name)) {
    throw new LabSessionError("bad_request", `a display name is 1 to ${DISPLAY_NAME_MAX} characters of text`);
  }
  return name;
}

async function resumeToken(prisma: PrismaClient, learnerId: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: learnerId }, select: { resumeToken: true } });
  if (user.resumeToken) return user.resumeToken;
  // Guarded so two first requests at once agree on one token.
  await prisma.user.updateMany({ where: { id: learnerId, resumeToken: null }, data: { resumeToken: randomBytes(24).toString("base64url") } });
  return (await prisma.user.findUniqueOrThrow({ where: { id: learnerId }, select: { resumeToken: true } })).resumeToken!;
}

export async function meView(prisma: PrismaClient, learnerId: string, origin: string): Promise<MeView> {
  const token = await resumeToken(prisma, learnerId);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: learnerId }, select: { displayName: true } });
  return { id: publicLearnerId(learnerId), displayName: user.displayName, resumeUrl: resumeUrl(origin, token) };
}

export async function setDisplayName(prisma: PrismaClient, learnerId: string, input: unknown, origin: string): Promise<MeView> {
  await prisma.user.update({ where: { id: learnerId }, data: { displayName: parseDisplayName(input) } });
  return meView(prisma, learnerId, origin);
}

/** The learner a resume token belongs to, or null (unknown or malformed tokens look the same). */
export async function learnerForResumeToken(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return (await prisma.user.findUnique({ where: { resumeToken: token }, select: { id: true } }))?.id ?? null;
}
