/**
 * The request edge of the admin API: opens the lab dependencies (database + runner client), requires
 * an admin (CSRF-checked on mutating methods), and maps AuthError (auth's responses) and lab-session
 * errors (lab-request's, the same statuses as every other route) to responses.
 */
import { authErrorResponse, requireAdmin, type Instructor } from "../auth/index";
import { labErrorResponse, openLabDeps } from "../lab-request";
import type { LabSessionDeps } from "../lab-sessions";

export async function withAdmin(request: Request, handler: (deps: LabSessionDeps, admin: Instructor) => Promise<Response>): Promise<Response> {
  let opened: Awaited<ReturnType<typeof openLabDeps>> | undefined;
  try {
    opened = await openLabDeps(process.env, process.cwd());
    const admin = await requireAdmin(request, opened.deps.prisma);
    return await handler(opened.deps, admin);
  } catch (err) {
    return authErrorResponse(err) ?? labErrorResponse(err, "admin request");
  } finally {
    await opened?.close();
  }
}
