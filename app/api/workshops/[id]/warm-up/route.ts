/** `POST /api/workshops/:id/warm-up` — start provisioning the workshop's warm seats now (before its start); answers the pool targets and whether the room fits. */
import { NextResponse } from "next/server";
import { warmUp } from "../../../../_server/workshops/actions";
import { roomReport } from "../../../../_server/workshops/room";
import { getWorkshop } from "../../../../_server/workshops/store";
import { withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const workshop = await getWorkshop(deps.prisma, instructor, id);
    const targets = await warmUp(deps, workshop, new Date());
    return NextResponse.json({ targets, room: await roomReport(deps, workshop) });
  });
}
