/**
 * The request edge of the admin API: opens the lab dependencies (database + runner client), requires
 * an admin (CSRF-checked on mutating methods), and maps AuthError and LabSessionError to responses.
 */
import { authErrorResponse, requireAdmin, type Instructor } from "../auth/index";
import { openLabDeps } from "../lab-request";
import type { LabSessionDeps } from "../lab-sessions";
import { LabSessionError } from "../runner-client";
import { RunnerNotConfigured } from "../runner-config";

const STATUS: Partial<Record<LabSessionError["kind"], number>> = { bad_request: 400, not_found: 404, runner_unavailable: 503, at_capacity: 503, conflict: 409 };

export async function withAdmin(request: Request, handler: (deps: LabSessionDeps, admin: Instructor) => Promise<Response>): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openLabDeps>> | undefined;
  try {
    opened = await openLabDeps(process.env, process.cwd());
    const admin = await requireAdmin(request, opened.deps.prisma);
    return await handler(opened.deps, admin);
  } catch (err) {
    const auth = authErrorResponse(err);
    if (auth) return auth;
    if (err instanceof LabSessionError) return Response.json({ error: { code: err.kind, message: err.message } }, { status: STATUS[err.kind] ?? 502 });
    if (err instanceof RunnerNotConfigured) return Response.json({ error: { code: "runner_unavailable", message: err.message } }, { status: 503 });
    console.error("admin request failed", err);
    return Response.json({ error: { code: "internal", message: "internal error" } }, { status: 500 });
  } finally {
    await opened?.close();
  }
}
