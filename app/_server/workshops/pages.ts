/**
 * What the instructor's workshop pages need on the server: the signed-in instructor (anyone else is sent
 * to /login and back), an open database for the page's reads, and the public join link of a workshop
 * (built from the request's host, or PRAXIS_PUBLIC_ORIGIN when set).
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { openDatabase, type PrismaClient } from "../../../prisma/db";
import { currentInstructor, type Instructor } from "../auth/index";
import { parseIdentityConfig } from "../runner-config";

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

export async function joinLink(joinCode: string): Promise<string> {
  const config = parseIdentityConfig(process.env, process.cwd());
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const origin = config.publicOrigins[0] ?? `${proto}://${host}`;
  return `${origin}/join/${joinCode}`;
}
