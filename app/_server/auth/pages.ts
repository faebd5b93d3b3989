/**
 * What the sign-in pages need to decide where a visitor belongs: whether setup is still open, and who
 * is signed in. Also the one check of a `?next=` target, so a login link can never send someone to
 * another site after signing in.
 */
import { openDatabase } from "../../../prisma/db";
import { needsSetup } from "./accounts";
import { parseAuthConfig } from "./config";
import { currentInstructor } from "./request";
import type { Instructor } from "./types";

export async function authPageState(): Promise<{ needsSetup: boolean; instructor: Instructor | null }> {
  const config = parseAuthConfig(process.env, process.cwd());
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return { needsSetup: await needsSetup(db.prisma), instructor: await currentInstructor(db.prisma) };
  } finally {
    await db.close();
  }
}

export const DEFAULT_AFTER_LOGIN = "/instructor";

/** A same-site path to go to after signing in; anything else (absolute or protocol-relative URLs) becomes the default. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001f]/.test(next)) return DEFAULT_AFTER_LOGIN;
  return next;
}
