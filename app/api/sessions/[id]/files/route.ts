/**
 * `/api/sessions/:id/files?host=<host>&path=/abs[&type=file|directory]` — the player's editor on the learner's
 * own environment. GET answers a directory listing `{kind: "directory", path, entries, truncated}` or a file
 * `{kind: "file", path, size, mode, content: {kind: "text", text} | {kind: "binary"}}` (binary files are reported, not sent); PUT saves
 * the request body (plain text) as the file's content and answers `{path, size}`. Only the host's editor
 * paths from lab.yaml are reachable; anyone else's session is 404.
 */
import { NextResponse } from "next/server";
import { withLearnerResponse } from "../../../../_server/lab-request";
import { parseLabRuntimeConfig } from "../../../../_server/runner-config";
import { FILE_ERROR_STATUS, openPath, runnerFiles, savePath, SessionFileError, type SessionFilesDeps } from "../../../../_server/session-files";
import { RunnerHttpClient } from "../../../../../runner/remote/client";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

function target(req: Request): { host: string; path: string; type?: "file" | "directory" } | Response {
  const query = new URL(req.url).searchParams;
  const host = query.get("host") ?? "";
  const path = query.get("path") ?? "";
  const type = query.get("type");
  if (!host || !path.startsWith("/") || (type !== null && type !== "file" && type !== "directory")) {
    return NextResponse.json({ error: { code: "bad_request", message: "send ?host=<host>&path=</absolute/path>[&type=file|directory]" } }, { status: 400 });
  }
  return { host, path, ...(type ? { type } : {}) };
}

/** The shared deps plus the runner's file API, with file errors answered here (withLearner knows the others). */
function withFiles(handler: (deps: SessionFilesDeps, learner: string) => Promise<unknown>): Promise<Response> {
  return withLearnerResponse(async (deps, learner) => {
    const config = parseLabRuntimeConfig(process.env, process.cwd());
    const files = runnerFiles(new RunnerHttpClient({ baseUrl: config.runnerUrl, token: config.runnerToken }));
    try {
      return NextResponse.json(await handler({ prisma: deps.prisma, loadLab: deps.loadLab, files }, learner), { headers: { "cache-control": "no-store" } });
    } catch (err) {
      if (!(err instanceof SessionFileError)) throw err;
      return NextResponse.json({ error: { code: err.kind, message: err.message } }, { status: FILE_ERROR_STATUS[err.kind] });
    }
  });
}

export async function GET(req: Request, { params }: Params) {
  const { id } = await params;
  const t = target(req);
  if (t instanceof Response) return t;
  return withFiles((deps, learner) => openPath(deps, learner, id, t.host, t.path, t.type));
}

export async function PUT(req: Request, { params }: Params) {
  const { id } = await params;
  const t = target(req);
  if (t instanceof Response) return t;
  const content = await req.text();
  return withFiles((deps, learner) => savePath(deps, learner, id, t.host, t.path, content));
}
