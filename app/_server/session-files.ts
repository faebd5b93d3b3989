/**
 * Server-only: the player's editor reaching into the learner's own environment. Which paths of a host may be
 * opened comes from the lab definition (a host's `editor.paths`), never from the browser; the runner then
 * confines every request to those roots inside the container. A GET names one path and answers either its
 * directory listing or its content, so the browser's file tree and tabs need a single route. Errors are typed
 * here and mapped to statuses once, at the route.
 */
import type { Lab } from "../../labs/index";
import type { PrismaClient } from "../../prisma/db";
import type { FileContent } from "../../runner/files/content";
import type { Listing, ReadResult } from "../../runner/files/host-files";
import { RunnerRequestError, type RunnerHttpClient } from "../../runner/remote/client";

export interface FilesClient {
  list(sessionId: string, host: string, path: string, roots: readonly string[]): Promise<Listing>;
  read(sessionId: string, host: string, path: string, roots: readonly string[]): Promise<ReadResult>;
  write(sessionId: string, host: string, path: string, roots: readonly string[], content: string): Promise<{ path: string; size: number }>;
}

export interface SessionFilesDeps {
  prisma: PrismaClient;
  loadLab(labId: string): Promise<Lab>;
  files: FilesClient;
}

export type FileView = ({ kind: "directory" } & Listing) | { kind: "file"; path: string; size: number; mode: number; content: FileContent };

const fileView = ({ path, size, mode, ...content }: ReadResult): FileView => ({ kind: "file", path, size, mode, content });

export type SessionFileErrorKind = "bad_request" | "forbidden" | "not_found" | "conflict" | "too_large" | "unavailable" | "failed";

export class SessionFileError extends Error {
  override readonly name = "SessionFileError";
  constructor(readonly kind: SessionFileErrorKind, message: string) {
    super(message);
  }
}

export const FILE_ERROR_STATUS: Record<SessionFileErrorKind, number> = { bad_request: 400, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, unavailable: 503, failed: 502 };

/** The editable roots of one host of the learner's own session; anyone else's session is "not found". */
async function editableRoots(deps: SessionFilesDeps, userId: string, sessionId: string, host: string): Promise<string[]> {
  const row = await deps.prisma.labSession.findFirst({ where: { id: sessionId, userId }, select: { labId: true } });
  if (!row) throw new SessionFileError("not_found", `no session ${sessionId}`);
  const lab = await deps.loadLab(row.labId);
  const spec = lab.environment.hosts.find((h) => h.name === host);
  if (!spec) throw new SessionFileError("not_found", `lab ${row.labId} has no host "${host}"`);
  if (spec.editorPaths.length === 0) throw new SessionFileError("forbidden", `host "${host}" has no editable paths`);
  return spec.editorPaths;
}

/** A directory listing or a file's content; `type` skips the guess when the caller knows which it wants. */
export async function openPath(deps: SessionFilesDeps, userId: string, sessionId: string, host: string, path: string, type?: "directory" | "file"): Promise<FileView> {
  const roots = await editableRoots(deps, userId, sessionId, host);
  if (type === "file") return fileView(await deps.files.read(sessionId, host, path, roots));
  try {
    return { kind: "directory", ...(await deps.files.list(sessionId, host, path, roots)) };
  } catch (err) {
    // Not a directory: it is a file (or something the read refuses with its own reason).
    if (type === undefined && err instanceof SessionFileError && err.kind === "conflict") return fileView(await deps.files.read(sessionId, host, path, roots));
    throw err;
  }
}

export async function savePath(deps: SessionFilesDeps, userId: string, sessionId: string, host: string, path: string, content: string): Promise<{ path: string; size: number }> {
  const roots = await editableRoots(deps, userId, sessionId, host);
  return deps.files.write(sessionId, host, path, roots, content);
}

const KIND_OF_STATUS: Record<number, SessionFileErrorKind> = { 400: "bad_request", 403: "forbidden", 404: "not_found", 409: "conflict", 413: "too_large" };

function mapRunnerError(err: unknown): never {
  if (!(err instanceof RunnerRequestError)) throw err;
  if (err.status === 0 || err.status === 401 || err.status === 503) throw new SessionFileError("unavailable", "the lab runner is unavailable; try again in a minute");
  throw new SessionFileError(KIND_OF_STATUS[err.status] ?? "failed", err.message);
}

/** The FilesClient over the runner's HTTP API, with its refusals turned into SessionFileError kinds. */
export function runnerFiles(http: RunnerHttpClient): FilesClient {
  return {
    list: (id, host, path, roots) => http.listFiles(id, host, path, roots).catch(mapRunnerError),
    read: (id, host, path, roots) => http.readFile(id, host, path, roots).catch(mapRunnerError),
    write: (id, host, path, roots, content) => http.writeFile(id, host, path, roots, content).catch(mapRunnerError),
  };
}
