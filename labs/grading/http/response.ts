/**
 * Reads an HTTP response out of what a client inside the host printed. Three clients, tried in this order
 * by the runner: curl (`-i`: the raw status line and headers, then the body), GNU wget (`-S`: headers on
 * stderr, indented, body on stdout) and bash's /dev/tcp (the raw response as the server sent it, possibly
 * chunked). When no response arrived, the client's own error ("Connection refused") becomes the message.
 */
import { parseSections } from "../sections";

export interface HttpResponse {
  status: number;
  /** Header names in lower case, in the order received. */
  headers: [string, string][];
  body: string;
  /** The body was cut at the runner's cap. */
  truncated: boolean;
}

export type HttpReport = { response: HttpResponse } | { error: string };

export interface ClientOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The runner had to stop the client. */
  timedOut: boolean;
  truncated: boolean;
}

export function parseHttpReport(output: ClientOutput, requestTimeoutMs: number): HttpReport {
  const sections = parseSections(output.stdout, "response");
  const tool = sections.get("tool")?.trim();
  const raw = sections.get("response") ?? "";
  const seconds = Math.ceil(requestTimeoutMs / 1000);
  if (output.timedOut) return { error: `no answer within ${seconds}s` };
  if (tool === undefined || tool === "none") {
    return { error: sections.get("error")?.trim() || lastLine(output.stderr) || "the request could not be made" };
  }
  if (tool === "wget") {
    const head = wgetHead(output.stderr);
    if (head) return { response: { ...head, body: raw, truncated: output.truncated } };
    if (output.exitCode === 124) return { error: `no answer within ${seconds}s` };
    return { error: wgetError(output.stderr) };
  }
  const parsed = rawResponse(raw, tool === "bash");
  if (parsed) return { response: { ...parsed, truncated: output.truncated } };
  if (output.exitCode === 124 || (tool === "curl" && output.exitCode === 28)) return { error: `no answer within ${seconds}s` };
  const error = tool === "curl" ? curlError(output.stderr) : bashError(output.stderr);
  return { error: error || (raw.trim() === "" ? "the server closed the connection without answering" : "the answer is not an HTTP response") };
}

const STATUS_LINE = /^HTTP\/[\d.]+ (\d{3})\b[^\n]*\n/;

/** Status line + headers + body; skips interim 1xx responses (100 Continue). */
function rawResponse(raw: string, mayBeChunked: boolean): Omit<HttpResponse, "truncated"> | undefined {
  let rest = raw.replace(/^\r?\n/, "");
  for (;;) {
    const status = STATUS_LINE.exec(rest.replace(/\r\n/g, "\n").slice(0, 1024));
    if (!status) return undefined;
    const end = headerEnd(rest);
    const headerText = rest.slice(0, end.at).replace(/\r\n/g, "\n");
    const headers = headerLines(headerText.split("\n").slice(1));
    rest = rest.slice(end.at + end.length);
    const code = Number(status[1]);
    if (code >= 100 && code < 200) continue;
    const chunked = mayBeChunked && headers.some(([k, v]) => k === "transfer-encoding" && /chunked/i.test(v));
    return { status: code, headers, body: chunked ? dechunk(rest) : rest };
  }
}

function headerEnd(text: string): { at: number; length: number } {
  const crlf = text.indexOf("\r\n\r\n");
  const lf = text.indexOf("\n\n");
  if (crlf !== -1 && (lf === -1 || crlf <= lf)) return { at: crlf, length: 4 };
  if (lf !== -1) return { at: lf, length: 2 };
  return { at: text.length, length: 0 };
}

function headerLines(lines: readonly string[]): [string, string][] {
  return lines.flatMap((line) => {
    const i = line.indexOf(":");
    return i > 0 ? [[line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()] as [string, string]] : [];
  });
}

function dechunk(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const line = /^([0-9a-fA-F]+)[^\n]*\r?\n/.exec(rest);
    if (!line) return out + rest;
    const size = Number.parseInt(line[1]!, 16);
    if (size === 0) return out;
    out += rest.slice(line[0].length, line[0].length + size);
    rest = rest.slice(line[0].length + size).replace(/^\r?\n/, "");
  }
}

/** The last response block in wget's `-S` log: "  HTTP/1.1 200 OK" and the indented headers after it. */
function wgetHead(stderr: string): { status: number; headers: [string, string][] } | undefined {
  let head: { status: number; headers: [string, string][] } | undefined;
  for (const line of stderr.split("\n")) {
    const status = /^ {2}HTTP\/[\d.]+ (\d{3})/.exec(line);
    if (status) head = { status: Number(status[1]), headers: [] };
    else if (head && /^ {2}\S/.test(line)) head.headers.push(...headerLines([line]));
  }
  return head;
}

function wgetError(stderr: string): string {
  const failed = /failed: ([^\n]+?)\.?$/m.exec(stderr);
  if (failed) return failed[1]!;
  const line = stderr.split("\n").find((l) => l.startsWith("wget: "));
  return line ? line.slice("wget: ".length) : lastLine(stderr);
}

/** "curl: (7) Failed to connect to web port 8080 after 0 ms: Couldn't connect to server" -> after the code. */
function curlError(stderr: string): string {
  const line = stderr.split("\n").filter((l) => l.startsWith("curl: ")).at(-1);
  return line ? line.replace(/^curl: \(\d+\) /, "") : lastLine(stderr);
}

/** "bash: line 1: /dev/tcp/web/8080: Connection refused" -> "Connection refused" (plus what failed). */
function bashError(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const last = lines.at(-1) ?? "";
  const reason = last.split(": ").at(-1) ?? last;
  return reason === "" ? "" : reason;
}

function lastLine(text: string): string {
  return text.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "";
}
