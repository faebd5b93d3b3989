/**
 * The request edge of instructor authentication: opens the database for one request, resolves the
 * instructor cookie, enforces CSRF on mutating methods, and maps AuthError to responses. Pages use
 * currentInstructor() (cookies from next/headers); route handlers use requireInstructor(request) /
 * requireAdmin(request), or withAuthRoute for handlers that need the database and config too.
 */
import { cookies } from "next/headers";
import { openDatabase, type PrismaClient } from "../../../prisma/db";
import { parseAuthConfig, type AuthConfig } from "./config";
import { parseCookieHeader, SESSION_COOKIE } from "./cookies";
import { checkCsrf, CSRF_COOKIE } from "./csrf";
import { AuthError, authErrorResponse } from "./errors";
import { resolveInstructorSession } from "./sessions";
import type { Instructor } from "./types";

export interface AuthContext {
  prisma: PrismaClient;
  config: AuthConfig;
}

async function withDb<T>(prisma: PrismaClient | undefined, config: AuthConfig, use: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  if (prisma) return use(prisma);
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await use(db.prisma);
  } finally {
    await db.close();
  }
}

const authConfig = () => parseAuthConfig(process.env, process.cwd());

/** The signed-in instructor for a server component or page, or null. */
export async function currentInstructor(prisma?: PrismaClient): Promise<Instructor | null> {
  const config = authConfig();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return withDb(prisma, config, (p) => resolveInstructorSession(p, token, config.session));
}

/**
 * The instructor behind a route handler's request. Throws AuthError: 401 without a valid session, 403
 * when a POST/PUT/PATCH/DELETE fails the CSRF checks (csrf.ts). Pass `prisma` to reuse an open client.
 */
export async function requireInstructor(request: Request, prisma?: PrismaClient): Promise<Instructor> {
  const config = authConfig();
  const jar = parseCookieHeader(request.headers.get("cookie"));
  const token = jar.get(SESSION_COOKIE);
  const instructor = token ? await withDb(prisma, config, (p) => resolveInstructorSession(p, token, config.session)) : null;
  if (!instructor || !token) throw new AuthError("unauthenticated", "sign in as an instructor first (/login)");
  checkCsrf(request, { sessionToken: token, cookieToken: jar.get(CSRF_COOKIE), publicOrigins: config.publicOrigins });
  return instructor;
}

/** Like requireInstructor, and the instructor must be an admin (else 403). */
export async function requireAdmin(request: Request, prisma?: PrismaClient): Promise<Instructor> {
  const instructor = await requireInstructor(request, prisma);
  if (instructor.role !== "admin") throw new AuthError("forbidden", "this needs an admin account");
  return instructor;
}

/** Runs a handler with an open database and the auth config; AuthError becomes its response, anything else a 500. */
export async function withAuthRoute(handler: (ctx: AuthContext) => Promise<Response>): Promise<Response> {
  const config = authConfig();
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    return await handler({ prisma: db.prisma, config });
  } catch (err) {
    const mapped = authErrorResponse(err);
    if (mapped) return mapped;
    console.error("instructor request failed", err);
    return Response.json({ error: { code: "internal", message: "internal error" } }, { status: 500 });
  } finally {
    await db?.close();
  }
}
