/**
 * `/api/workshops/:id` — one workshop of the signed-in instructor. GET answers it with whether the room
 * fits on the runner ("The room will not fit: N seats, room for M …"); PUT edits it (same form as create;
 * a warming workshop's pool targets follow the new capacity and share at once).
 */
import { NextResponse } from "next/server";
import { getCatalog } from "../../../_server/context";
import { syncPool } from "../../../_server/workshops/actions";
import { roomReport } from "../../../_server/workshops/room";
import { getWorkshop, updateWorkshop } from "../../../_server/workshops/store";
import { parseWorkshopForm } from "../../../_server/workshops/workshop-form";
import { withInstructor, workshopKdf } from "../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(req: Request, { params }: Params) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const workshop = await getWorkshop(deps.prisma, instructor, id);
    return NextResponse.json({ workshop, room: await roomReport(deps, workshop) });
  });
}

export async function PUT(req: Request, { params }: Params) {
  const { id } = await params;
  return withInstructor(req, async (deps, instructor) => {
    const labs = new Set((await getCatalog()).labs.map((l) => l.metadata.id));
    const settings = parseWorkshopForm(await req.json().catch(() => null), labs);
    const workshop = await updateWorkshop(deps.prisma, workshopKdf, instructor, id, settings);
    if (workshop.warmedAt || workshop.startsAt <= new Date()) await syncPool(deps.prisma, deps.runner, new Date()).catch(() => undefined);
    return NextResponse.json({ workshop, room: await roomReport(deps, workshop) });
  });
}
