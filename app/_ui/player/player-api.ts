/**
 * Browser-side calls of the lab player: progress and its event stream, the step actions (check, start, hint,
 * solution, skip, reset), the learner (display name, resume link) and the editor's files. Every call goes to
 * the site, which checks that the session is the learner's own; errors carry the server's message.
 */
import { call, SessionRequestError } from "../lab-session/session-api";
import type { MeView, ProgressView, StepCheckResponse } from "./progress-types";

const session = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
const step = (id: string, stepId: string, action: string) => `${session(id)}/steps/${encodeURIComponent(stepId)}/${action}`;

export const getProgress = (sessionId: string) => call<ProgressView>("GET", `${session(sessionId)}/progress`);
/** Server-Sent Events: `progress` with a ProgressView on connect and whenever it changes. */
export const progressEventsUrl = (sessionId: string) => `${session(sessionId)}/progress/events`;

export const checkStep = (sessionId: string, stepId: string) => call<StepCheckResponse>("POST", step(sessionId, stepId, "check"));
export const skipStep = (sessionId: string, stepId: string) => call<StepCheckResponse>("POST", step(sessionId, stepId, "skip"));
export const startStep = (sessionId: string, stepId: string) => call<{ progress: ProgressView }>("POST", step(sessionId, stepId, "start"));
export const resetStep = (sessionId: string, stepId: string) => call<{ progress: ProgressView }>("POST", step(sessionId, stepId, "reset"));
export const revealHint = (sessionId: string, stepId: string) => call<{ index: number; html: string; progress: ProgressView }>("POST", step(sessionId, stepId, "hint"));
export const revealSolution = (sessionId: string, stepId: string) => call<{ html: string; progress: ProgressView }>("POST", step(sessionId, stepId, "solution"));

export const getMe = () => call<MeView>("GET", "/api/me");
export const setDisplayName = (displayName: string) => call<MeView>("PUT", "/api/me", { displayName });

export interface DirEntryView {
  name: string;
  type: "file" | "directory" | "symlink" | "other";
  size: number;
  mode: number;
}
export type FileView =
  | { kind: "directory"; path: string; entries: DirEntryView[]; truncated: boolean }
  | { kind: "file"; path: string; size: number; mode: number; content: { kind: "text"; text: string } | { kind: "binary" } };

const filesUrl = (sessionId: string, host: string, path: string, type?: "file" | "directory") =>
  `${session(sessionId)}/files?${new URLSearchParams({ host, path, ...(type ? { type } : {}) })}`;

export const openFile = (sessionId: string, host: string, path: string, type?: "file" | "directory") => call<FileView>("GET", filesUrl(sessionId, host, path, type));

/** Saves text as the file's content (the body is the content itself, not JSON). */
export async function saveFile(sessionId: string, host: string, path: string, text: string): Promise<{ path: string; size: number }> {
  const res = await fetch(filesUrl(sessionId, host, path), { method: "PUT", headers: { "content-type": "text/plain; charset=utf-8" }, body: text, cache: "no-store" });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string }; path?: string; size?: number };
  if (!res.ok) throw new SessionRequestError(res.status, json.error?.message ?? `saving ${path} failed (${res.status})`);
  return { path: json.path ?? path, size: json.size ?? text.length };
}

/** The proxied URL of a web service a host exposes (only the session's owner gets through); `path` starts with "/". */
export const serviceUrl = (sessionId: string, host: string, port: number, path = "/") => `${session(sessionId)}/services/${encodeURIComponent(host)}/${port}${path}`;
