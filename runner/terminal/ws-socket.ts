/**
 * Adapts a `ws` WebSocket to the bridge's TerminalSocket and keeps it honest: only binary frames are
 * accepted (a text frame closes with 1003), and a heartbeat pings every interval and terminates a socket
 * that did not answer the previous ping — a laptop that went to sleep or a dropped NAT mapping otherwise
 * leaves a half-open socket, its tmux client and its exec stream around forever.
 */
import type { RawData, WebSocket } from "ws";
import type { TerminalSocket } from "./bridge";

export const DEFAULT_KEEPALIVE_MS = 15_000;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

export function wsTerminalSocket(ws: WebSocket): TerminalSocket {
  return {
    send(frame) {
      if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
    onMessage(listener) {
      ws.on("message", (data, isBinary) => {
        if (!isBinary) {
          ws.close(1003, "binary frames only");
          return;
        }
        listener(toBytes(data));
      });
    },
    onClose(listener) {
      ws.on("close", () => listener());
    },
  };
}

/** Pings `ws` every `intervalMs`; terminates it when a ping goes unanswered. Returns a stop function. */
export function keepAlive(ws: WebSocket, intervalMs = DEFAULT_KEEPALIVE_MS, onDead?: () => void): () => void {
  let alive = true;
  ws.on("pong", () => (alive = true));
  const timer = setInterval(() => {
    if (!alive) {
      onDead?.();
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, intervalMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  ws.on("close", stop);
  return stop;
}
