/**
 * `DELETE /api/sessions/:id/terminals/:host/:terminalId` — the player closed an extra terminal's tab: its shell
 * (and anything still running in it) ends, instead of living on unseen until the environment does. 204; 404 for
 * anyone else's session; 400 for a host's main terminal, which always stays.
 */
import { closeTerminal } from "../../../../../../_server/lab-sessions";
import { withLearnerResponse } from "../../../../../../_server/lab-request";

export const dynamic = "force-dynamic";

export async function DELETE(_req: Request, { params }: { params: Promise<{ id: string; host: string; terminalId: string }> }) {
  const { id, host, terminalId } = await params;
  return withLearnerResponse(async (deps, learner) => {
    await closeTerminal(deps, learner, id, host, terminalId);
    return new Response(null, { status: 204 });
  });
}
