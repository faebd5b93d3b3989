/**
 * Editor file routes for one host of a session. The allowed roots come from the caller on every request
 * (`root` query parameters): the web app knows the lab's editor paths from the lab definition, and the
 * runner stays free of lab knowledge. Text travels as JSON strings; binary files are reported, not sent.
 */
import { z } from "zod";
import { HostFiles, MAX_FILE_BYTES } from "../files/host-files";
import { HttpError } from "./errors";
import { readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { RouteContext, Router } from "./router";
import type { SessionService } from "./session-service";

const WriteBody = z.strictObject({ content: z.string() });

function target(ctx: RouteContext, sessions: SessionService) {
  const path = ctx.url.searchParams.get("path");
  if (!path) throw new HttpError(400, "bad_request", "the path query parameter is required");
  const roots = ctx.url.searchParams.getAll("root");
  if (roots.length === 0) throw new HttpError(400, "bad_request", "at least one root query parameter is required");
  const containerId = requireHostContainer(sessions, ctx.params.id!, ctx.params.host!);
  sessions.touch(ctx.params.id!);
  return { containerId, path, roots };
}

export function addFileRoutes(router: Router, deps: { sessions: SessionService; files: HostFiles }): void {
  const { sessions, files } = deps;
  const base = "/sessions/:id/hosts/:host";

  router.add("GET", `${base}/files`, async (ctx) => {
    const t = target(ctx, sessions);
    sendJson(ctx.res, 200, await files.list(t.containerId, t.path, t.roots));
  });

  router.add("GET", `${base}/file`, async (ctx) => {
    const t = target(ctx, sessions);
    sendJson(ctx.res, 200, await files.read(t.containerId, t.path, t.roots));
  });

  router.add("PUT", `${base}/file`, async (ctx) => {
    const t = target(ctx, sessions);
    // JSON-escaped text can be up to 6x its UTF-8 size; the byte limit is enforced on the decoded content.
    const body = WriteBody.safeParse(await readJson(ctx.req, MAX_FILE_BYTES * 6 + 1024));
    if (!body.success) throw new HttpError(400, "bad_request", "send {\"content\": \"<text>\"}");
    sendJson(ctx.res, 200, await files.write(t.containerId, t.path, t.roots, new TextEncoder().encode(body.data.content)));
  });
}
