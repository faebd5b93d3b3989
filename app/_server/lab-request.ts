/**
 * The request edge of the lab-session routes: builds the per-request dependencies (database, runner
 * client, lab loader) from the parsed config, resolves the learner cookie (creating the learner and the
 * httpOnly cookie on first visit), runs the handler, and maps typed errors to HTTP statuses in one place.
 * The database is opened per request and closed after it, so the web process holds no global client.
 * Identity routes use withIdentity, which needs only the database (no runner).
 */
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { openDatabase, type PrismaClient } from "../../prisma/db";
import { InvalidEnvironmentError } from "../../runner/environment/spec";
import { ensureLearner, type LabSessionDeps } from "./lab-sessions";
import { LEARNER_COOKIE, openLabDeps } from "./lab-deps";
import { LabSessionError } from "./runner-client";
import { parseIdentityConfig, RunnerNotConfigured, type IdentityConfig } from "./runner-config";

export { LEARNER_COOKIE, openLabDeps };

const YEAR_SECONDS = 365 * 24 * 3600;

const STATUS: Record<LabSessionError["kind"], number> = { bad_request: 400, not_found: 404, at_capacity: 503, invalid_lab: 422, runner_unavailable: 503, conflict: 409, failed: 502 };

/** The response for an error of lab-session code (anything else is logged as `what` failed and is a 500). */
export function labErrorResponse(err: unknown, what = "lab session request"): NextResponse {
  if (err instanceof LabSessionError) return NextResponse.json({ error: { code: err.kind, message: err.message } }, { status: STATUS[err.kind] });
  if (err instanceof RunnerNotConfigured) return NextResponse.json({ error: { code: "runner_unavailable", message: err.message } }, { status: 503 });
  if (err instanceof InvalidEnvironmentError) return NextResponse.json({ error: { code: "invalid_lab", message: err.message } }, { status: 422 });
  console.error(`${what} failed`, err);
  return NextResponse.json({ error: { code: "internal", message: "internal error" } }, { status: 500 });
}

export async function withLearner(handler: (deps: LabSessionDeps, learnerId: string) => Promise<unknown>, status = 200): Promise<Response> {
  return withLearnerResponse(async (deps, learner) => NextResponse.json(await handler(deps, learner), { status }));
}

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/** Binds this browser to a learner: the id is the cookie's secret, so it is httpOnly and long-lived. */
export function setLearnerCookie(jar: CookieJar, learnerId: string, config: IdentityConfig): void {
  jar.set(LEARNER_COOKIE, learnerId, { httpOnly: true, sameSite: "lax", secure: config.secureCookies, path: "/", maxAge: YEAR_SECONDS });
}

async function resolveLearner(prisma: PrismaClient, config: IdentityConfig): Promise<string> {
  const jar = await cookies();
  const learner = await ensureLearner(prisma, jar.get(LEARNER_COOKIE)?.value);
  if (learner.created) setLearnerCookie(jar, learner.id, config);
  return learner.id;
}

/** Like withLearner, for handlers that build their own response (e.g. an event stream). */
export async function withLearnerResponse(handler: (deps: LabSessionDeps, learnerId: string) => Promise<Response>): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openLabDeps>> | undefined;
  try {
    opened = await openLabDeps(process.env, process.cwd());
    const learner = await resolveLearner(opened.deps.prisma, opened.config);
    return await handler(opened.deps, learner);
  } catch (err) {
    return labErrorResponse(err);
  } finally {
    await opened?.close();
  }
}

/** For identity routes (/api/me, /resume): the database and the learner cookie, no runner needed. */
export async function withIdentity(handler: (prisma: PrismaClient, learnerId: string, config: IdentityConfig) => Promise<Response>): Promise<Response> {
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const config = parseIdentityConfig(process.env, process.cwd());
    db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    return await handler(db.prisma, await resolveLearner(db.prisma, config), config);
  } catch (err) {
    return labErrorResponse(err);
  } finally {
    await db?.close();
  }
}
