/**
 * Small request/response helpers for the runner's node:http server: bounded body reading, JSON in and
 * out, and constant-time bearer-token checking. Kept apart from routing so handlers stay declarative.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { HttpError } from "./errors";

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limitBytes) throw new HttpError(413, "too_large", `request body exceeds ${limitBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new HttpError(413, "too_large", `request body exceeds ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Each problem of a rejected body as "path: message", so the caller learns which field to fix. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
}

/** The body as `schema` types it, or a 400 naming every problem (after `hint`, when given). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, hint?: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const problems = describeIssues(r.error).join("; ");
  throw new HttpError(400, "bad_request", hint ? `${hint}: ${problems}` : problems);
}

export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) throw new HttpError(415, "unsupported_media_type", "send the body as application/json");
  const body = await readBody(req, limitBytes);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "bad_json", "the request body is not valid JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-store" });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Builds a checker for `Authorization: Bearer <token>` that does not leak the token through timing. */
export function bearerChecker(token: string): (req: IncomingMessage) => boolean {
  const expected = Buffer.from(token);
  return (req) => {
    const header = req.headers.authorization ?? "";
    const given = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}
