/** `POST /api/workshops/:id/broadcast` {text} — a message every learner's player shows at once (through their workshop event stream). */
import { NextResponse } from "next/server";
import { broadcast } from "../../../../_server/workshops/actions";
import { getWorkshop } from "../../../../_server/workshops/store";
import { withInstructor } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const body = (await req.json().catch(() => null)) as { text?: unknown } | null;
    await broadcast(deps.prisma, await getWorkshop(deps.prisma, instructor, id), body?.text);
    return NextResponse.json({ sent: true }, { status: 201 });
  });
}
