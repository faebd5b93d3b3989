/**
 * Joins one client socket to one TTY exec: decodes client frames into keystrokes, resizes, ACKs and pings;
 * frames the shell's output; applies flow control; and ends both sides cleanly. It knows nothing of
 * WebSockets, Docker or tickets — `TerminalSocket` and `TtyExec` are the seams — so it is unit-tested
 * with fakes and reused by every transport. Close codes follow RFC 6455 (1000 normal, 1002 protocol
 * error, 1011 server error). A read-only bridge (a shadow view) drops keystrokes and resizes — the
 * viewer sees the shell but can never type into it or change the learner's window.
 */
import type { TtyExec } from "../docker";
import { FlowControl, type FlowControlLimits } from "./flow-control";
import { PROTOCOL_VERSION, ProtocolError, decodeClientFrame, encodeServerFrame, type ServerFrame } from "./protocol";

/** The transport side of a terminal, already authenticated. */
export interface TerminalSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  onMessage(listener: (data: Uint8Array) => void): void;
  onClose(listener: () => void): void;
}

export const CloseCode = { normal: 1000, protocolError: 1002, internalError: 1011 } as const;

export interface BridgeOptions {
  terminalId: string;
  /** Watch only: input and resize frames are dropped (ACKs and pings still work). */
  readOnly?: boolean;
  flow?: FlowControlLimits;
  /** Runs when the socket goes away while the shell is alive: detaches tmux so it does not linger. */
  detach?: () => Promise<void>;
  /** Counts terminal bytes for metrics: "in" = keystrokes, "out" = shell output. */
  onBytes?: (direction: "in" | "out", bytes: number) => void;
  onError?: (err: unknown) => void;
}

export type BridgeEnd = { reason: "shell_exited"; exitCode: number | null } | { reason: "socket_closed" } | { reason: "protocol_error"; message: string };

export interface Bridge {
  /** Resolves once both sides are finished with. */
  readonly done: Promise<BridgeEnd>;
  readonly flow: FlowControl;
}

export function bridgeTerminal(socket: TerminalSocket, tty: TtyExec, options: BridgeOptions): Bridge {
  const flow = new FlowControl(options.flow);
  let ended: BridgeEnd | undefined;
  let resolveDone!: (end: BridgeEnd) => void;
  const done = new Promise<BridgeEnd>((resolve) => (resolveDone = resolve));
  const report = options.onError ?? (() => undefined);

  const send = (frame: ServerFrame) => socket.send(encodeServerFrame(frame));

  const finish = (end: BridgeEnd, closeSocket?: { code: number; reason: string }) => {
    if (ended) return;
    ended = end;
    unsubscribe();
    if (closeSocket) socket.close(closeSocket.code, closeSocket.reason);
    if (end.reason === "shell_exited") {
      resolveDone(end);
      return;
    }
    // The socket is gone but the shell is not: detach first so the tmux client exits, then drop the stream.
    const detach = options.detach ? options.detach().catch(report) : Promise.resolve();
    void detach.finally(() => {
      tty.close();
      resolveDone(end);
    });
  };

  const unsubscribe = tty.onData((chunk) => {
    if (ended) return;
    send({ type: "output", data: chunk });
    options.onBytes?.("out", chunk.length);
    if (flow.sent(chunk.length) === "pause") tty.pause();
  });

  socket.onMessage((raw) => {
    if (ended) return;
    try {
      const frame = decodeClientFrame(raw);
      switch (frame.type) {
        case "input":
          if (options.readOnly) break;
          options.onBytes?.("in", frame.data.length);
          tty.write(frame.data);
          break;
        case "resize":
          if (options.readOnly) break;
          tty.resize(frame.cols, frame.rows).catch(report);
          break;
        case "ack":
          if (flow.acked(frame.bytes) === "resume") tty.resume();
          break;
        case "ping":
          send({ type: "pong", payload: frame.payload });
          break;
      }
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      send({ type: "error", message: `protocol error: ${err.message}` });
      finish({ reason: "protocol_error", message: err.message }, { code: CloseCode.protocolError, reason: "protocol error" });
    }
  });

  socket.onClose(() => finish({ reason: "socket_closed" }));

  tty.exited.then(
    ({ exitCode }) => {
      if (ended) return;
      send({ type: "exit", code: exitCode });
      finish({ reason: "shell_exited", exitCode }, { code: CloseCode.normal, reason: "shell exited" });
    },
    (err) => {
      report(err);
      finish({ reason: "shell_exited", exitCode: null }, { code: CloseCode.internalError, reason: "terminal stream failed" });
    },
  );

  send({ type: "hello", version: PROTOCOL_VERSION, terminalId: options.terminalId });
  return { done, flow };
}
