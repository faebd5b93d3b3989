/**
 * `/api/me` — the learner behind this browser. GET answers `{id, displayName, resumeUrl}` (creating the
 * anonymous learner and its resume link on first use); PUT `{displayName}` (1–40 characters, trimmed) sets
 * the name shown in the player. `id` is a stable public identifier, not the cookie's secret; `resumeUrl` is
 * a secret link that signs another device in as this learner.
 */
import { NextResponse } from "next/server";
import { withIdentity } from "../../_server/lab-request";
import { meView, setDisplayName } from "../../_server/player/identity";
import { linkOrigin } from "../../_server/runner-config";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(req: Request) {
  return withIdentity(async (prisma, learner, config) => NextResponse.json(await meView(prisma, learner, linkOrigin(req.url, config)), { headers: NO_STORE }));
}

export async function PUT(req: Request) {
  const body = (await req.json().catch(() => null)) as { displayName?: unknown } | null;
  return withIdentity(async (prisma, learner, config) =>
    NextResponse.json(await setDisplayName(prisma, learner, body?.displayName, linkOrigin(req.url, config)), { headers: NO_STORE }),
  );
}
