/** GET /api/admin/sessions — every running session with learner and workshop, plus host capacity (admin only). */
import { adminOverview } from "../../../_server/admin/overview";
import { withAdmin } from "../../../_server/admin/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return withAdmin(request, async (deps) => Response.json(await adminOverview(deps.prisma, deps.runner), { headers: { "cache-control": "no-store" } }));
}
