/**
 * `POST /api/workshops/:id/learners/:learner/terminal` {labId?, host?} — a single-use, read-only ticket
 * for the learner's main terminal (the shadow view): the runner drops anything typed through it.
 */
import { NextResponse } from "next/server";
import { shadowTerminal } from "../../../../../../_server/workshops/actions";
import { getWorkshop } from "../../../../../../_server/workshops/store";
import { withInstructor } from "../../../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string; learner: string }> }) {
  const { id, learner } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const body = (await req.json().catch(() => null)) as { labId?: unknown; host?: unknown } | null;
    const pick = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 64 ? v : undefined);
    return NextResponse.json(await shadowTerminal(deps, await getWorkshop(deps.prisma, instructor, id), learner, pick(body?.labId), pick(body?.host)), { status: 201 });
  });
}
