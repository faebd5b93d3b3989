/**
 * Runs an `http` check: the request is sent from inside the host, so names resolve as the learner's own
 * commands see them (other hosts by name, the host's services on localhost). The sh program uses curl when
 * the image has it, else GNU wget, else bash's /dev/tcp (plain http only), and labs/grading/http reads
 * whichever answered. Each request has its own deadline, inside the check's.
 */
import { judgeHttp, parseHttpReport } from "../../labs/grading/http/index";
import type { HttpRequestSpec } from "../../labs/index";
import type { ContainerRuntime } from "../docker/runtime";
import { pollHost } from "./host-check-run";
import type { CheckOutcome, HttpCheckRequest } from "./request";
import { SECTION_FUNCTION, shellQuote } from "./shell";

/** Bodies beyond this are not read (the check sees the start and knows it was cut). */
export const HTTP_BODY_CAP = 256 * 1024;

export function httpProgram(request: HttpRequestSpec): string {
  const url = new URL(request.url);
  const seconds = Math.max(1, Math.ceil(request.timeoutMs / 1000));
  const hasBody = request.body !== undefined;
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
  const curl = [
    "curl -sS -i --max-time", String(request.timeoutMs / 1000),
    ...(request.method === "HEAD" ? ["-I"] : ["-X", shellQuote(request.method)]),
    ...headers.flatMap((h) => ["-H", shellQuote(h)]),
    ...(hasBody ? ["--data-binary", '@"$f"'] : []),
    "--", '"$url"',
  ].join(" ");
  const wget = [
    "timeout", String(seconds), "wget -S -O - --content-on-error --max-redirect=0 --tries=1", `--timeout=${seconds}`,
    `--method=${shellQuote(request.method)}`,
    ...headers.map((h) => `--header=${shellQuote(h)}`),
    ...(hasBody ? ['--body-file="$f"'] : []),
    "--", '"$url"',
  ].join(" ");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port || "80";
  const bash = `timeout ${seconds} bash -c 'exec 3<>"/dev/tcp/$1/$2" && cat "$3" >&3 && cat <&3' _ ${shellQuote(host)} ${port} "$r"`;
  const https = url.protocol === "https:";
  return [
    SECTION_FUNCTION,
    `url=${shellQuote(request.url)}`,
    "f=$(mktemp) && r=$(mktemp) || exit 1",
    "trap 'rm -f \"$f\" \"$r\"' EXIT",
    hasBody ? `printf '%s' ${shellQuote(request.body!)} > "$f"` : "",
    "if command -v curl >/dev/null 2>&1; then",
    `  section tool; echo curl; section response; ${curl}`,
    "elif wget --version 2>/dev/null | head -n 1 | grep -q 'GNU Wget'; then",
    `  section tool; echo wget; section response; ${wget}`,
    https
      ? `else section tool; echo none; section error; echo 'cannot send https requests from this host: it has neither curl nor GNU wget'; fi`
      : [
          "elif command -v bash >/dev/null 2>&1; then",
          `  printf '%s' ${shellQuote(rawRequest(request, url))} > "$r"`,
          `  section tool; echo bash; section response; ${bash}`,
          "else section tool; echo none; section error; echo 'cannot send requests from this host: it has no curl, wget or bash'; fi",
        ].join("\n"),
    "",
  ].join("\n");
}

/** The request as bash sends it over /dev/tcp: HTTP/1.0, so the server closes the connection (and does not chunk). */
function rawRequest(request: HttpRequestSpec, url: URL): string {
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.0`, `Host: ${url.host}`, "User-Agent: praxis-check", "Connection: close"];
  for (const [k, v] of Object.entries(request.headers)) lines.push(`${k}: ${v}`);
  if (request.body !== undefined) lines.push(`Content-Length: ${new TextEncoder().encode(request.body).length}`);
  return `${lines.join("\r\n")}\r\n\r\n${request.body ?? ""}`;
}

export function runHttpCheck(runtime: ContainerRuntime, containerId: string, check: HttpCheckRequest, signal?: AbortSignal): Promise<CheckOutcome> {
  const program = httpProgram(check.request);
  // A request may take its own timeout plus a moment to start the client.
  const perAttempt = check.request.timeoutMs + 2000;
  return pollHost(runtime, containerId, { timeoutMs: check.timeoutMs, intervalMs: check.intervalMs, ...(signal && { signal }) }, async (run) => {
    const result = await run(program, { maxOutputBytes: HTTP_BODY_CAP + 16 * 1024, timeoutMs: perAttempt });
    return judgeHttp(check.request, check.expect, parseHttpReport(result, check.request.timeoutMs));
  });
}
