/**
 * `POST /api/sessions/:id/steps/:stepId/hint` — reveals the step's next hint (recorded) and answers
 * `{index, html, progress}` with the hint rendered from Markdown. With a body `{"index": n}` it shows an
 * already revealed hint again without counting it (a reload redraws what the learner has seen).
 * 404 when the step has no hints, 409 when all are shown or the step is locked.
 */
import { NextResponse } from "next/server";
import { z } from "zod";
import { hintAction } from "../../../../../../_server/player/step-actions";
import { runStepAction, type StepParams } from "../../../../../../_server/player/step-route";

export const dynamic = "force-dynamic";

const Body = z.strictObject({ index: z.number().int().min(0).optional() });

export async function POST(req: Request, ctx: StepParams) {
  const text = await req.text();
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    raw = null;
  }
  const body = Body.safeParse(raw);
  if (!body.success) return NextResponse.json({ error: { code: "bad_request", message: 'send no body, or {"index": <revealed hint number, from 0>}' } }, { status: 400 });
  return runStepAction(ctx, (deps, learner, id, stepId) => hintAction(deps, learner, id, stepId, body.data.index));
}
