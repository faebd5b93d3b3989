/**
 * A Node client for the terminal protocol: connects with a ticket URL, waits for HELLO, delivers output,
 * sends keystrokes and resizes, and acknowledges output as it is consumed so the server's flow control
 * keeps flowing. Used by integration tests and by `praxis env shell` through `attachToLocalTerminal`
 * (in local-terminal.ts), which puts the user's own terminal in raw mode.
 */
import WebSocket from "ws";
import { decodeServerFrame, encodeClientFrame, type ClientFrame, type ServerFrame } from "./protocol";

const INPUT_CHUNK = 32 * 1024;

export interface TerminalClientOptions {
  /** Sent as the Origin header; the runner refuses upgrades without an allowed origin. */
  origin: string;
  /** Acknowledge after this many consumed bytes (batched so ACKs cost little). */
  ackEveryBytes?: number;
  /**
   * When true (the default) output counts as consumed as soon as listeners have been called. Set false
   * and call `consumed(n)` yourself when the bytes have really been written somewhere slow.
   */
  autoAck?: boolean;
}

/** The upgrade was refused; `status` is the HTTP status (401 ticket, 403 origin, 404 session). */
export class TerminalConnectError extends Error {
  override readonly name = "TerminalConnectError";
  constructor(readonly status: number | null, message: string) {
    super(message);
  }
}

export type TerminalClose = { code: number; reason: string; exitCode?: number | null; error?: string };

export class TerminalClient {
  /** Set from the HELLO frame. */
  terminalId = "";
  /** Resolves when the socket closes, with the shell's exit code if the server reported one. */
  readonly closed: Promise<TerminalClose>;
  private readonly listeners = new Set<(data: Uint8Array) => void>();
  /** Output received while nobody listened yet. */
  private readonly early: Uint8Array[] = [];
  private readonly pongs: Array<() => void> = [];
  private pendingAck = 0;
  private exitCode: number | null | undefined;
  private error: string | undefined;
  private readonly ackEvery: number;
  private readonly autoAck: boolean;

  private constructor(
    private readonly ws: WebSocket,
    options: TerminalClientOptions,
  ) {
    this.ackEvery = options.ackEveryBytes ?? 64 * 1024;
    this.autoAck = options.autoAck ?? true;
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) =>
        resolve({ code, reason: reason.toString(), exitCode: this.exitCode, ...(this.error ? { error: this.error } : {}) }),
      ),
    );
  }

  /** Opens `url` (ws://…/terminal?ticket=…) and resolves once the server says HELLO. */
  static connect(url: string, options: TerminalClientOptions): Promise<TerminalClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin: options.origin });
      ws.binaryType = "nodebuffer";
      const client = new TerminalClient(ws, options);
      ws.on("unexpected-response", (_req, res) => {
        reject(new TerminalConnectError(res.statusCode ?? null, `terminal refused: HTTP ${res.statusCode} ${res.statusMessage ?? ""}`.trim()));
        res.resume();
        ws.terminate();
      });
      ws.on("error", (err) => reject(new TerminalConnectError(null, `terminal connection failed: ${err.message}`)));
      ws.on("close", (code, reason) => reject(new TerminalConnectError(null, `terminal closed before HELLO (${code} ${reason})`)));
      ws.on("message", (data: Buffer) => {
        let frame: ServerFrame;
        try {
          frame = decodeServerFrame(data);
        } catch (err) {
          client.error = err instanceof Error ? err.message : String(err);
          ws.close(1002, "protocol error");
          return;
        }
        if (frame.type === "hello") {
          client.terminalId = frame.terminalId;
          resolve(client);
        }
        client.handle(frame);
      });
    });
  }

  onOutput(listener: (data: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    // Output that came with or right after HELLO (same TCP read) arrived before anyone could listen.
    for (const data of this.early.splice(0)) {
      listener(data);
      if (this.autoAck) this.consumed(data.length);
    }
    return () => this.listeners.delete(listener);
  }

  write(data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    // Large pastes are split to stay under the server's INPUT frame limit.
    for (let i = 0; i < bytes.length; i += INPUT_CHUNK) this.send({ type: "input", data: bytes.subarray(i, i + INPUT_CHUNK) });
  }

  resize(cols: number, rows: number): void {
    this.send({ type: "resize", cols, rows });
  }

  /** Round trip through the server's PING/PONG; resolves with the latency in ms. */
  ping(): Promise<number> {
    const started = performance.now();
    return new Promise((resolve) => {
      this.pongs.push(() => resolve(performance.now() - started));
      this.send({ type: "ping", payload: new Uint8Array(0) });
    });
  }

  /** Reports bytes as consumed (only needed with autoAck: false). */
  consumed(bytes: number): void {
    this.pendingAck += bytes;
    if (this.pendingAck >= this.ackEvery) this.flushAck();
  }

  close(): void {
    this.ws.close(1000, "client closed");
  }

  private flushAck(): void {
    if (this.pendingAck === 0) return;
    this.send({ type: "ack", bytes: this.pendingAck });
    this.pendingAck = 0;
  }

  private send(frame: ClientFrame): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeClientFrame(frame), { binary: true });
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case "output":
        if (this.listeners.size === 0) {
          // Kept for the first listener; unacknowledged, so flow control bounds how much can pile up.
          this.early.push(frame.data);
          break;
        }
        for (const l of this.listeners) l(frame.data);
        if (this.autoAck) this.consumed(frame.data.length);
        break;
      case "exit":
        this.exitCode = frame.code;
        break;
      case "pong":
        this.pongs.shift()?.();
        break;
      case "error":
        this.error = frame.message;
        break;
      case "hello":
        break;
    }
  }
}
