/** DELETE /api/admin/sessions/<id> — an admin stops any session (its containers are removed by the runner). */
import { adminStopSession } from "../../../../_server/admin/overview";
import { withAdmin } from "../../../../_server/admin/request";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withAdmin(request, async (deps) => {
    await adminStopSession(deps.prisma, deps.runner, id);
    return new Response(null, { status: 204 });
  });
}
