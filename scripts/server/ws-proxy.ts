/**
 * Forwards a WebSocket upgrade from the site to the runner (its /terminal, or a tunnel to a lab's web
 * service), byte for byte, so browsers only ever talk to the site and the runner can stay on loopback.
 * Terminals are authenticated by the runner (ticket + Origin, forwarded unchanged); a refusal (401/403/404) is relayed to the browser as the same
 * HTTP status. No WebSocket parsing here: after the 101 the two sockets are simply piped together.
 */
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";

function statusResponse(status: number, text: string): string {
  return `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

function headerBlock(statusLine: string, rawHeaders: string[]): string {
  let out = `${statusLine}\r\n`;
  for (let i = 0; i < rawHeaders.length; i += 2) out += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return `${out}\r\n`;
}

/**
 * `target` is the runner URL including path and query (e.g. http://127.0.0.1:4100/terminal?ticket=…);
 * `override` replaces request headers (null removes one), e.g. the runner's token for a service tunnel.
 */
export function proxyWebSocket(req: http.IncomingMessage, socket: Duplex, head: Buffer, target: URL, override: Record<string, string | null> = {}): void {
  socket.on("error", () => socket.destroy());
  const transport = target.protocol === "https:" ? https : http;
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  for (const [name, value] of Object.entries(override)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const upstream = transport.request(target, { method: "GET", headers });

  upstream.on("upgrade", (res, upstreamSocket, upstreamHead) => {
    upstreamSocket.on("error", () => socket.destroy());
    socket.on("close", () => upstreamSocket.destroy());
    upstreamSocket.on("close", () => socket.destroy());
    socket.write(headerBlock(`HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? "Switching Protocols"}`, res.rawHeaders));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });

  upstream.on("response", (res) => {
    // A refused upgrade: relay the status so the browser (and tests) see 401/403/404, not a hang.
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => socket.end(statusResponse(res.statusCode ?? 502, Buffer.concat(chunks).toString() || (res.statusMessage ?? "Bad Gateway"))));
  });

  upstream.on("error", () => {
    if (socket.writable) socket.end(statusResponse(502, "Bad Gateway"));
    else socket.destroy();
  });
  upstream.end();
}
