/**
 * `POST /api/sessions/:id/terminal` {host, terminalId?} — mints a single-use terminal ticket for one host of the
 * learner's own session and answers with the WebSocket path to open. 404 for anyone else's session.
 */
import { z } from "zod";
import { NextResponse } from "next/server";
import { terminalPath } from "../../../../_server/lab-sessions";
import { withLearner } from "../../../../_server/lab-request";

export const dynamic = "force-dynamic";

// terminalId: one of several terminals on the host (the player's "+"); each is its own tmux session.
const Body = z.strictObject({ host: z.string().min(1).max(64), terminalId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/).optional() });

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: { code: "bad_request", message: "send {\"host\": \"<name>\"}" } }, { status: 400 });
  return withLearner(async (deps, learner) => ({ path: await terminalPath(deps, learner, id, body.data.host, body.data.terminalId) }), 201);
}
