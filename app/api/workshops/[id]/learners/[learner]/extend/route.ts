/** `POST /api/workshops/:id/learners/:learner/extend` {minutes} — more time for one learner's running environment. */
import { NextResponse } from "next/server";
import { extendLearner } from "../../../../../../_server/workshops/actions";
import { parseMinutes } from "../../../../../../_server/workshops/minutes";
import { getWorkshop } from "../../../../../../_server/workshops/store";
import { withInstructor } from "../../../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string; learner: string }> }) {
  const { id, learner } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const minutes = parseMinutes(await req.json().catch(() => null));
    return NextResponse.json({ extended: await extendLearner(deps, await getWorkshop(deps.prisma, instructor, id), learner, minutes) });
  });
}
