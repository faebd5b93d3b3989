/**
 * POST /logout — ends the instructor session: deletes it from the database and clears both cookies. A
 * valid session must pass the CSRF checks (a cross-site page cannot sign someone out); without one
 * the cookies are simply cleared. GET is not offered, so a link or prefetch can never sign anyone out.
 */
import { parseCookieHeader, SESSION_COOKIE } from "../_server/auth/cookies";
import { requireInstructor, withAuthRoute } from "../_server/auth/request";
import { deleteInstructorSession, resolveInstructorSession } from "../_server/auth/sessions";
import { signOutResponse } from "../_server/auth/sign-in";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return withAuthRoute(async ({ prisma, config }) => {
    const token = parseCookieHeader(request.headers.get("cookie")).get(SESSION_COOKIE);
    if (await resolveInstructorSession(prisma, token, config.session)) {
      await requireInstructor(request, prisma);
      await deleteInstructorSession(prisma, token);
    }
    return signOutResponse(request, config);
  });
}
