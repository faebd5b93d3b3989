/**
 * `GET /resume/:token` — the learner's "continue on another device" link: binds this browser to the
 * learner the token belongs to (sets the learner cookie) and sends it to the home page, where their
 * sessions and progress are found again. An unknown token changes nothing and says so.
 */
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { openDatabase } from "../../../prisma/db";
import { setLearnerCookie } from "../../_server/lab-request";
import { learnerForResumeToken } from "../../_server/player/identity";
import { linkOrigin, parseIdentityConfig } from "../../_server/runner-config";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const config = parseIdentityConfig(process.env, process.cwd());
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const learner = await learnerForResumeToken(db.prisma, token);
    if (!learner) {
      return new NextResponse("This resume link is not valid (it may have been mistyped). Open the lab again to start as a new learner.\n", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
    setLearnerCookie(await cookies(), learner, config);
    return NextResponse.redirect(new URL("/", linkOrigin(req.url, config)), { status: 303, headers: { "cache-control": "no-store", "referrer-policy": "no-referrer" } });
  } finally {
    await db.close();
  }
}
