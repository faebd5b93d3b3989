/**
 * POST /api/auth/setup {email, password, displayName?} — first-run setup: creates the first account as
 * an admin and signs it in (201). Once any account exists it answers 409 and /setup sends people to
 * /login. Same-origin requests only.
 */
import { setupFirstAdmin } from "../../../_server/auth/accounts";
import { checkOrigin } from "../../../_server/auth/csrf";
import { withAuthRoute } from "../../../_server/auth/request";
import { readJsonBody, signInResponse } from "../../../_server/auth/sign-in";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return withAuthRoute(async ({ prisma, config }) => {
    checkOrigin(request, config.publicOrigins);
    const body = await readJsonBody(request);
    const admin = await setupFirstAdmin(prisma, { email: body.email, password: body.password, displayName: body.displayName });
    return signInResponse(request, prisma, config, admin, 201);
  });
}
