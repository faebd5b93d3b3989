/**
 * POST /api/auth/login {email, password} — signs an instructor in: 200 {instructor} with the session
 * cookies, 401 for a wrong email or password, 429 + Retry-After after 5 failures in 15 minutes for
 * the account or the client address, 403 for a cross-site request.
 */
import { checkOrigin } from "../../../_server/auth/csrf";
import { authenticate } from "../../../_server/auth/accounts";
import { clientAddress } from "../../../_server/auth/config";
import { withAuthRoute } from "../../../_server/auth/request";
import { prismaFailureStore } from "../../../_server/auth/prisma-stores";
import { LoginRateLimiter } from "../../../_server/auth/rate-limit";
import { readJsonBody, signInResponse } from "../../../_server/auth/sign-in";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return withAuthRoute(async ({ prisma, config }) => {
    checkOrigin(request, config.publicOrigins);
    const body = await readJsonBody(request);
    const limiter = new LoginRateLimiter(prismaFailureStore(prisma), config.login);
    const instructor = await authenticate(prisma, limiter, { email: body.email, password: body.password, address: clientAddress(request) });
    return signInResponse(request, prisma, config, instructor);
  });
}
