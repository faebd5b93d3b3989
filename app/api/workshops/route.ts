/**
 * `/api/workshops` — the signed-in instructor's workshops. GET lists them (an admin sees all), POST
 * creates one from the form (every problem listed by field, 400) and answers with its join code.
 */
import { NextResponse } from "next/server";
import { getCatalog } from "../../_server/context";
import { createWorkshop, listWorkshops } from "../../_server/workshops/store";
import { parseWorkshopForm } from "../../_server/workshops/workshop-form";
import { withInstructor, workshopKdf } from "../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return withInstructor(req, async (deps, instructor) => NextResponse.json({ workshops: await listWorkshops(deps.prisma, instructor) }));
}

export async function POST(req: Request) {
  return withInstructor(req, async (deps, instructor) => {
    const labs = new Set((await getCatalog()).labs.map((l) => l.metadata.id));
    const settings = parseWorkshopForm(await req.json().catch(() => null), labs);
    return NextResponse.json({ workshop: await createWorkshop(deps.prisma, workshopKdf, instructor, settings) }, { status: 201 });
  });
}
