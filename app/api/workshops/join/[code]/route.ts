/**
 * `/api/workshops/join/:code` — for learners, no account. GET tells the join page about the workshop
 * (title, labs, times, whether it needs a password, and whether this browser already joined); POST
 * {displayName, password?} joins it, refusing in plain words when it has not started, is over, is full
 * or the password is wrong.
 */
import { NextResponse } from "next/server";
import { joinInfo, joinWorkshop } from "../../../../_server/workshops/join";
import { withWorkshopLearner, workshopKdf } from "../../../../_server/workshops/workshop-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ code: string }> };

export async function GET(_req: Request, { params }: Params) {
  const { code } = await params;
  return withWorkshopLearner(async (deps, learnerId) => {
    const info = await joinInfo(deps.prisma, code, new Date());
    const member = await deps.prisma.workshopLearner.findFirst({ where: { userId: learnerId, workshop: { joinCode: info.joinCode } }, select: { displayName: true } });
    return NextResponse.json({ workshop: info, joined: member !== null, displayName: member?.displayName ?? null });
  });
}

export async function POST(req: Request, { params }: Params) {
  const { code } = await params;
  return withWorkshopLearner(async (deps, learnerId) => {
    const body = ((await req.json().catch(() => null)) ?? {}) as { displayName?: unknown; password?: unknown };
    const now = new Date();
    await joinWorkshop(deps.prisma, workshopKdf, learnerId, code, body, now);
    return NextResponse.json({ workshop: await joinInfo(deps.prisma, code, now), joined: true }, { status: 201 });
  });
}
