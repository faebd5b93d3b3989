/**
 * Server-Sent Events on a node:http response: the headers that keep proxies from buffering, one
 * `event:`/`data:` block per message (JSON data on one line), and a comment line every 15 s so idle
 * connections are not cut by proxies. The caller ends the stream; a closed client stops the heartbeat.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SseStream {
  send(event: string, data: unknown): void;
  end(): void;
  /** Called once when the client goes away or end() is called. */
  onClose(listener: () => void): void;
}

export function openSse(req: IncomingMessage, res: ServerResponse, heartbeatMs = 15_000): SseStream {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    "x-accel-buffering": "no",
    connection: "keep-alive",
  });
  res.write(": praxis session events\n\n");
  const listeners: Array<() => void> = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    for (const l of listeners) l();
  };
  const timer = setInterval(() => res.write(": keepalive\n\n"), heartbeatMs);
  timer.unref();
  req.on("close", close);
  return {
    send(event, data) {
      if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      close();
      res.end();
    },
    onClose: (l) => void listeners.push(l),
  };
}
