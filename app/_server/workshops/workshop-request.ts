/**
 * The request edge of the workshop routes: instructor routes authenticate (and CSRF-check mutations)
 * through app/_server/auth, learner routes resolve the learner cookie; both open the per-request
 * dependencies (database, runner client, labs) and map every typed error to a status in this one place.
 */
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { authErrorResponse, hashPassword, requireInstructor, verifyPassword, type Instructor } from "../auth/index";
import { labErrorResponse, LEARNER_COOKIE, openLabDeps, setLearnerCookie } from "../lab-request";
import { ensureLearner, type LabSessionDeps } from "../lab-sessions";
import { WORKSHOP_STATUS, WorkshopError } from "./errors";
import type { PasswordKdf } from "./store";

export const workshopKdf: PasswordKdf = { hash: hashPassword, verify: verifyPassword };

export function workshopErrorResponse(err: unknown): Response {
  const auth = authErrorResponse(err);
  if (auth) return auth;
  if (err instanceof WorkshopError) return NextResponse.json({ error: { code: err.kind, message: err.message, ...(err.problems ? { problems: err.problems } : {}) } }, { status: WORKSHOP_STATUS[err.kind] });
  return labErrorResponse(err, "workshop request");
}

/** For instructor routes: the signed-in instructor (401/403 otherwise) and the lab dependencies. */
export async function withInstructor(request: Request, handler: (deps: LabSessionDeps, instructor: Instructor) => Promise<Response>): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openLabDeps>> | undefined;
  try {
    opened = await openLabDeps(process.env, process.cwd());
    const instructor = await requireInstructor(request, opened.deps.prisma);
    return await handler(opened.deps, instructor);
  } catch (err) {
    return workshopErrorResponse(err);
  } finally {
    await opened?.close();
  }
}

/** Dependencies for an event stream, which outlives its request: the stream closes them when it ends. */
export const openStreamDeps = () => openLabDeps(process.env, process.cwd());

/** For learner routes: the learner of this browser (created, with its cookie, on first visit). */
export async function withWorkshopLearner(handler: (deps: LabSessionDeps, learnerId: string) => Promise<Response>): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openLabDeps>> | undefined;
  try {
    opened = await openLabDeps(process.env, process.cwd());
    const jar = await cookies();
    const learner = await ensureLearner(opened.deps.prisma, jar.get(LEARNER_COOKIE)?.value);
    if (learner.created) setLearnerCookie(jar, learner.id, opened.config);
    return await handler(opened.deps, learner.id);
  } catch (err) {
    return workshopErrorResponse(err);
  } finally {
    await opened?.close();
  }
}
