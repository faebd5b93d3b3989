/** `POST /api/workshops/:id/extend` {minutes} — gives every learner's running environment more time (capped at the runner's maximum lifetime). */
import { NextResponse } from "next/server";
import { extendAll } from "../../../../_server/workshops/actions";
import { parseMinutes } from "../../../../_server/workshops/minutes";
import { getWorkshop } from "../../../../_server/workshops/store";
import { withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const minutes = parseMinutes(await req.json().catch(() => null));
    return NextResponse.json({ extended: await extendAll(deps, await getWorkshop(deps.prisma, instructor, id), minutes) });
  });
}
