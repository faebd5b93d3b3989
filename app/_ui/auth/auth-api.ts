/**
 * Browser calls to the instructor auth and admin routes: JSON in, JSON out, the CSRF header on every
 * mutating call, and failures turned into one plain sentence for the form to show (including how long
 * to wait after too many failed sign-ins).
 */
import { csrfHeaders } from "./csrf";

export type CallResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

export function waitText(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${minutes} minutes`;
}

export async function callJson<T>(method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<CallResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { ...(method === "GET" ? {} : csrfHeaders()), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "The site cannot be reached. Check your connection and try again." };
  }
  const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.ok) return { ok: true, data: data as T };
  if (res.status === 429) {
    const after = Number(res.headers.get("retry-after") ?? "60");
    return { ok: false, status: 429, message: `Too many failed sign-ins. Try again in ${waitText(after)}.` };
  }
  return { ok: false, status: res.status, message: data?.error?.message ? sentence(data.error.message) : `The request failed (HTTP ${res.status}).` };
}

const sentence = (text: string) => (text.charAt(0).toUpperCase() + text.slice(1)).replace(/([^.!?])$/, "$1.");
