/** `POST /api/workshops/:id/learners/:learner/reset` {labId?} — re-provisions a learner's environment from scratch (their progress stays). */
import { NextResponse } from "next/server";
import { resetLearner } from "../../../../../../_server/workshops/actions";
import { getWorkshop } from "../../../../../../_server/workshops/store";
import { withInstructor } from "../../../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string; learner: string }> }) {
  const { id, learner } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const body = (await req.json().catch(() => null)) as { labId?: unknown } | null;
    const labId = typeof body?.labId === "string" ? body.labId : undefined;
    return NextResponse.json({ reset: await resetLearner(deps, await getWorkshop(deps.prisma, instructor, id), learner, labId) });
  });
}
