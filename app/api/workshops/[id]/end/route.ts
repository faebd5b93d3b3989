/** `POST /api/workshops/:id/end` — ends the workshop: no more joins, every learner's environment stopped and removed, warm seats given back. */
import { NextResponse } from "next/server";
import { endWorkshop } from "../../../../_server/workshops/actions";
import { getWorkshop } from "../../../../_server/workshops/store";
import { withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => NextResponse.json(await endWorkshop(deps, await getWorkshop(deps.prisma, instructor, id), new Date())));
}
