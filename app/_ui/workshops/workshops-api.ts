/**
 * Browser-side calls of the workshop pages: the instructor's (create, edit, warm up, reset, extend,
 * broadcast, shadow terminal, end — mutations carry the CSRF header) and the learner's join. Errors carry
 * the server's message, and a form's per-field problems when there are some.
 */
import { csrfHeaders } from "../auth/csrf";
import type { JoinInfo } from "../../_server/workshops/join";

export class WorkshopRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: Record<string, string>,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const mutating = method !== "GET";
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(mutating ? csrfHeaders() : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string; problems?: Record<string, string> } } & T;
  if (!res.ok) throw new WorkshopRequestError(res.status, json.error?.message ?? `request failed (${res.status})`, json.error?.problems);
  return json;
}

/** Learner-side calls need no CSRF token (the learner cookie is SameSite=Lax and joining is harmless). */
async function learnerCall<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string } } & T;
  if (!res.ok) throw new WorkshopRequestError(res.status, json.error?.message ?? `request failed (${res.status})`);
  return json;
}

export interface WorkshopFormValues {
  title: string;
  labIds: string[];
  capacity: number;
  startsAt: string;
  endsAt: string;
  timeLimitMinutes: number;
  warmSharePercent: number;
  password?: string | null;
}

export type RoomView = { fits: boolean; room: number; seats: number; message: string | null } | { fits: null; message: string };

const ws = (id: string) => `/api/workshops/${encodeURIComponent(id)}`;
const learner = (id: string, learnerId: string, action: string) => `${ws(id)}/learners/${encodeURIComponent(learnerId)}/${action}`;

export const createWorkshop = (v: WorkshopFormValues) => call<{ workshop: { id: string; joinCode: string } }>("POST", "/api/workshops", v);
export const updateWorkshop = (id: string, v: WorkshopFormValues) => call<{ workshop: { id: string }; room: RoomView }>("PUT", ws(id), v);
export const getWorkshop = (id: string) => call<{ room: RoomView }>("GET", ws(id));
export const warmUp = (id: string) => call<{ targets: Record<string, number>; room: RoomView }>("POST", `${ws(id)}/warm-up`);
export const endWorkshop = (id: string) => call<{ stopped: number }>("POST", `${ws(id)}/end`);
export const extendAll = (id: string, minutes: number) => call<{ extended: number }>("POST", `${ws(id)}/extend`, { minutes });
export const broadcast = (id: string, text: string) => call<{ sent: boolean }>("POST", `${ws(id)}/broadcast`, { text });
export const resetLearner = (id: string, learnerId: string, labId?: string) => call<{ reset: number }>("POST", learner(id, learnerId, "reset"), labId ? { labId } : {});
export const extendLearner = (id: string, learnerId: string, minutes: number) => call<{ extended: number }>("POST", learner(id, learnerId, "extend"), { minutes });
export const dashboardEventsUrl = (id: string) => `${ws(id)}/events`;
export const exportUrl = (id: string, format: "csv" | "json") => `${ws(id)}/export?format=${format}`;

/** A ws(s):// URL with a fresh read-only ticket for a learner's main terminal. */
export async function shadowTerminalUrl(id: string, learnerId: string, labId: string): Promise<string> {
  const { path } = await call<{ path: string }>("POST", learner(id, learnerId, "terminal"), { labId });
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${path}`;
}

/** What a join page shows; the server defines it (a type-only import keeps the shape in one place). */
export type JoinInfoView = JoinInfo;

const joinUrl = (code: string) => `/api/workshops/join/${encodeURIComponent(code)}`;
export const joinInfo = (code: string) => learnerCall<{ workshop: JoinInfoView; joined: boolean; displayName: string | null }>("GET", joinUrl(code));
export const joinWorkshop = (code: string, displayName: string, password?: string) => learnerCall<{ workshop: JoinInfoView; joined: true }>("POST", joinUrl(code), { displayName, ...(password ? { password } : {}) });
export const MY_WORKSHOP_EVENTS = "/api/workshops/mine/events";
