/**
 * Browser-side calls to the site's lab-session routes. Errors carry the server's message so the panel
 * can show what went wrong (at capacity, runner down, invalid lab) instead of a generic failure.
 */

export interface LiveSessionView {
  id: string;
  labId: string;
  state: "provisioning" | "warm" | "ready" | "expired" | "stopped" | "failed";
  expiresAt: string;
  hosts: string[];
  error?: string;
}

export class SessionRequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** One JSON request to the site; a failure carries the server's status and message. */
export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string } } & T;
  if (!res.ok) throw new SessionRequestError(res.status, json.error?.message ?? `request failed (${res.status})`);
  return json;
}

const sessionUrl = (labId: string) => `/api/labs/${encodeURIComponent(labId)}/session`;

export const findSession = (labId: string) => call<{ session: LiveSessionView | null }>("GET", sessionUrl(labId)).then((r) => r.session);
export interface LastAttemptView {
  stepsDone: number;
  stepsTotal: number;
  endedAt: string;
}
/** The live environment, and how far the last ended one got (the lab page's "last time" line). */
export const findSessionAndHistory = (labId: string) =>
  call<{ session: LiveSessionView | null; lastAttempt: LastAttemptView | null }>("GET", `${sessionUrl(labId)}?history=1`);
export const startSession = (labId: string) => call<{ session: LiveSessionView }>("POST", sessionUrl(labId)).then((r) => r.session);
export const stopSession = (labId: string) => call<{ session: null }>("DELETE", sessionUrl(labId)).then(() => undefined);

export const extendSession = (sessionId: string) =>
  call<{ session: LiveSessionView }>("POST", `/api/sessions/${encodeURIComponent(sessionId)}/extend`).then((r) => r.session);
export const resetSession = (sessionId: string) =>
  call<{ session: LiveSessionView }>("POST", `/api/sessions/${encodeURIComponent(sessionId)}/reset`).then((r) => r.session);
/** Server-Sent Events of the session's provisioning (see provision-progress.ts). */
export const eventsUrl = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/events`;

/** Ends an extra terminal's shell on the host (its tab was closed); "main" always stays. */
export const closeTerminal = (sessionId: string, host: string, terminalId: string) =>
  call<unknown>("DELETE", `/api/sessions/${encodeURIComponent(sessionId)}/terminals/${encodeURIComponent(host)}/${encodeURIComponent(terminalId)}`).then(() => undefined);

/** A ws(s):// URL for one terminal on a host ("main" unless the learner opened more), with a fresh single-use ticket. */
export async function terminalUrl(sessionId: string, host: string, terminalId = "main"): Promise<string> {
  const body = terminalId === "main" ? { host } : { host, terminalId };
  const { path } = await call<{ path: string }>("POST", `/api/sessions/${encodeURIComponent(sessionId)}/terminal`, body);
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${path}`;
}
