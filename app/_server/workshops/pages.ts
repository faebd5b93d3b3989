/**
 * What the instructor's workshop pages need on the server: the signed-in instructor (anyone else is sent
 * to /login and back), an open database for the page's reads, the public join link of a workshop
 * (built from the request's host, or PRAXIS_PUBLIC_ORIGIN when set) and the seats a new workshop fits.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { openDatabase, type PrismaClient } from "../../../prisma/db";
import { currentInstructor, type Instructor } from "../auth/index";
import { openLabDeps } from "../lab-request";
import { parseIdentityConfig } from "../runner-config";
import { roomForNewWorkshop } from "./room";

export async function withInstructorPage<T>(path: string, use: (prisma: PrismaClient, instructor: Instructor) => Promise<T>): Promise<T> {
  const config = parseIdentityConfig(process.env, process.cwd());
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  let instructor: Instructor | null;
  try {
    instructor = await currentInstructor(db.prisma);
    if (instructor) return await use(db.prisma, instructor);
  } finally {
    await db.close();
  }
  // redirect() throws; keep it outside the try so the database is closed first.
  redirect(`/login?next=${encodeURIComponent(path)}`);
}

/**
 * The join link, and whether its origin is configured: without PRAXIS_PUBLIC_ORIGIN it is the address the
 * instructor's browser used, which learners on other machines may not reach (localhost, an SSH tunnel).
 */
export async function joinLink(joinCode: string): Promise<{ url: string; configured: boolean }> {
  const config = parseIdentityConfig(process.env, process.cwd());
  const configured = config.publicOrigins[0];
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return { url: `${configured ?? `${proto}://${host}`}/join/${joinCode}`, configured: configured !== undefined };
}

/** How many learners a new workshop could seat now (see roomForNewWorkshop); null when the runner cannot say. */
export async function newWorkshopRoom(labIds: readonly string[]): Promise<number | null> {
  const opened = await openLabDeps(process.env, process.cwd()).catch(() => null);
  if (!opened) return null;
  try {
    return await roomForNewWorkshop(opened.deps, labIds);
  } finally {
    await opened.close();
  }
}
