/**
 * GET /api/auth/me — the signed-in instructor {instructor: {id, email, displayName, role}} or 401. The
 * site header asks for it (only when the CSRF cookie says a sign-in happened) to show its links.
 */
import { requireInstructor, withAuthRoute } from "../../../_server/auth/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withAuthRoute(async ({ prisma }) => Response.json({ instructor: await requireInstructor(request, prisma) }, { headers: { "cache-control": "no-store" } }));
}
