/**
 * The browser side of the terminal protocol (runner/terminal/protocol.ts, shared and pure): opens the
 * site's /api/terminal WebSocket with a fresh ticket, hands output to a sink that calls back once the
 * bytes are rendered (xterm's write callback), and acknowledges rendered bytes in batches, so a flood
 * pauses at the runner instead of piling up in the tab. Reconnects with capped backoff, asking for a new
 * ticket each time, because tmux keeps the shell alive across sockets. Keystrokes typed while the socket
 * is not yet attached (first connect, a reload, a reconnect) are held and sent once the runner says hello,
 * so nothing the learner types is silently dropped. No DOM or React in here.
 */
import { decodeServerFrame, encodeClientFrame, MAX_INPUT_BYTES, type ClientFrame } from "../../../runner/terminal/protocol";

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface TerminalConnectionOptions {
  /** Asks the site for a WebSocket URL with a new ticket (tickets are single-use). */
  ticketUrl(): Promise<string>;
  /** Renders output and calls `done` when it has been written (xterm's write callback). */
  write(data: Uint8Array, done: () => void): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  size(): { cols: number; rows: number };
  ackEveryBytes?: number;
  maxBackoffMs?: number;
  /** Null to stop reconnecting: e.g. the ticket route says the session is gone. */
  shouldRetry?(error: unknown): boolean;
  /** How many typed bytes to hold while not attached; beyond it the oldest are dropped. */
  maxHeldInputBytes?: number;
  /** The WebSocket constructor (tests pass a fake; the browser's by default). */
  createSocket?(url: string): WebSocket;
}

export interface TerminalConnection {
  send(text: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

const encoder = new TextEncoder();

export function connectTerminal(options: TerminalConnectionOptions): TerminalConnection {
  const ackEvery = options.ackEveryBytes ?? 64 * 1024;
  let ws: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let pendingAck = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Attached = the runner said hello on the current socket; until then input waits in `held`.
  let attached = false;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const maxHeld = options.maxHeldInputBytes ?? 16 * 1024;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));

  const send = (frame: ClientFrame) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(encodeClientFrame(frame));
  };
  const hold = (bytes: Uint8Array) => {
    held.push(bytes);
    heldBytes += bytes.length;
    while (heldBytes > maxHeld && held.length > 1) heldBytes -= held.shift()!.length;
  };
  const sendInput = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i += MAX_INPUT_BYTES) send({ type: "input", data: bytes.subarray(i, i + MAX_INPUT_BYTES) });
  };
  const rendered = (n: number) => {
    pendingAck += n;
    if (pendingAck >= ackEvery) {
      send({ type: "ack", bytes: pendingAck });
      pendingAck = 0;
    }
  };

  const retry = (detail: string) => {
    if (closed) return;
    const delay = Math.min(options.maxBackoffMs ?? 10_000, 500 * 2 ** attempt++);
    options.onStatus("reconnecting", detail);
    timer = setTimeout(open, delay);
  };

  async function open(): Promise<void> {
    if (closed) return;
    options.onStatus(attempt === 0 ? "connecting" : "reconnecting");
    let url: string;
    try {
      url = await options.ticketUrl();
    } catch (err) {
      if (options.shouldRetry && !options.shouldRetry(err)) {
        closed = true;
        options.onStatus("closed", err instanceof Error ? err.message : String(err));
        return;
      }
      return retry(err instanceof Error ? err.message : String(err));
    }
    if (closed) return;
    const { cols, rows } = options.size();
    const socket = createSocket(`${url}&cols=${cols}&rows=${rows}`);
    socket.binaryType = "arraybuffer";
    ws = socket;
    attached = false;
    pendingAck = 0;
    socket.onmessage = (event) => {
      const frame = decodeServerFrame(new Uint8Array(event.data as ArrayBuffer));
      if (frame.type === "hello") {
        attempt = 0;
        attached = true;
        const typedMeanwhile = held;
        held = [];
        heldBytes = 0;
        for (const bytes of typedMeanwhile) sendInput(bytes);
        options.onStatus("open");
      } else if (frame.type === "output") {
        const n = frame.data.length;
        options.write(frame.data, () => rendered(n));
      } else if (frame.type === "error") options.onStatus("reconnecting", frame.message);
    };
    socket.onclose = (event) => {
      if (ws === socket) {
        ws = null;
        attached = false;
      }
      retry(event.code === 1000 ? "the shell ended" : `connection lost (${event.code})`);
    };
  }

  void open();
  return {
    send(text) {
      if (closed) return;
      const bytes = encoder.encode(text);
      if (attached && ws?.readyState === WebSocket.OPEN) sendInput(bytes);
      else hold(bytes);
    },
    resize(cols, rows) {
      send({ type: "resize", cols, rows });
    },
    close() {
      closed = true;
      clearTimeout(timer);
      ws?.close(1000, "closed by the page");
      options.onStatus("closed");
    },
  };
}
