/**
 * /api/admin/accounts (admin only) — GET lists instructor and admin accounts; POST {email, password,
 * displayName?, role?} creates one with an initial password (12+ characters): 201, 409 if the email is taken.
 */
import { createAccount, listAccounts } from "../../../_server/auth/accounts";
import { requireAdmin, withAuthRoute } from "../../../_server/auth/request";
import { readJsonBody } from "../../../_server/auth/sign-in";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withAuthRoute(async ({ prisma }) => {
    await requireAdmin(request, prisma);
    return Response.json({ accounts: await listAccounts(prisma) }, { headers: { "cache-control": "no-store" } });
  });
}

export async function POST(request: Request) {
  return withAuthRoute(async ({ prisma }) => {
    const admin = await requireAdmin(request, prisma);
    const body = await readJsonBody(request);
    const account = await createAccount(prisma, admin, { email: body.email, password: body.password, displayName: body.displayName, role: body.role });
    return Response.json({ account }, { status: 201 });
  });
}
