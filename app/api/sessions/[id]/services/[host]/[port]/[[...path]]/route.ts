/**
 * `/api/sessions/:id/services/:host/:port/<path>` (any method) — a web service a host of the learner's own
 * session declares in lab.yaml (`ports`), proxied through the runner into the host; the player shows it in
 * a tab. 404 for anyone else's session and for undeclared ports; 502 when nothing answers on the port.
 * The path after the port reaches the service unchanged (not decoded), with the query.
 */
import { withLearnerResponse } from "../../../../../../../_server/lab-request";
import { proxyService, serviceTarget } from "../../../../../../../_server/player/service-proxy";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  return withLearnerResponse(async (deps, learner) => proxyService(deps, learner, serviceTarget(new URL(req.url)), req));
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
