/**
 * The shared ends of the login and setup routes: reading their JSON body (JSON only, so a cross-site
 * HTML form cannot post it without a CORS preflight, on top of the Origin check) and answering with
 * a new session's cookies.
 */
import type { PrismaClient } from "../../../prisma/db";
import { secureFor, type AuthConfig } from "./config";
import { clearedCookies, sessionCookies } from "./cookies";
import { AuthError } from "./errors";
import { createInstructorSession } from "./sessions";
import type { Instructor } from "./types";

export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AuthError("bad_request", "send the form as JSON (content-type: application/json)");
  }
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AuthError("bad_request", "the request body is not a JSON object");
  return body as Record<string, unknown>;
}

function withCookies(response: Response, cookies: string[]): Response {
  for (const c of cookies) response.headers.append("set-cookie", c);
  return response;
}

/** 200 {instructor} with the cookies of a fresh session for `instructor`. */
export async function signInResponse(request: Request, prisma: PrismaClient, config: AuthConfig, instructor: Instructor, status = 200): Promise<Response> {
  const { token } = await createInstructorSession(prisma, instructor.id, config.session);
  return withCookies(Response.json({ instructor }, { status, headers: { "cache-control": "no-store" } }), sessionCookies(token, secureFor(request, config)));
}

export function signOutResponse(request: Request, config: AuthConfig): Response {
  return withCookies(Response.json({ signedOut: true }, { headers: { "cache-control": "no-store" } }), clearedCookies(secureFor(request, config)));
}
