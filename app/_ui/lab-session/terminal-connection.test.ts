import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeClientFrame, encodeServerFrame } from "../../../runner/terminal/protocol";
import { connectTerminal, type ConnectionStatus } from "./terminal-connection";

/** Just enough of a browser WebSocket for the connection: records what the page sends. */
class FakeSocket {
  readyState = 0;
  binaryType = "blob";
  sent: Uint8Array[] = [];
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  open() {
    this.readyState = 1;
  }
  hello() {
    const frame = encodeServerFrame({ type: "hello", version: 1, terminalId: "main" });
    this.onmessage?.({ data: frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer });
  }
  typed(): string {
    return this.sent
      .map((raw) => decodeClientFrame(raw))
      .map((frame) => (frame.type === "input" ? new TextDecoder().decode(frame.data) : ""))
      .join("");
  }
}

function harness(options: { maxHeldInputBytes?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const connection = connectTerminal({
    ticketUrl: async () => "ws://site/api/terminal?ticket=t",
    write: (_data, done) => done(),
    onStatus: (s) => statuses.push(s),
    size: () => ({ cols: 80, rows: 24 }),
    maxBackoffMs: 1,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    ...options,
  });
  const nextSocket = async (n: number) => {
    while (sockets.length < n) await new Promise((r) => setTimeout(r, 1));
    return sockets[n - 1]!;
  };
  return { connection, statuses, nextSocket };
}

describe("terminal connection", () => {
  it("holds what is typed before the runner attaches, and sends it after hello, in order", async () => {
    const { connection, statuses, nextSocket } = harness();
    connection.send("echo ");
    const socket = await nextSocket(1);
    assert.match(socket.url, /cols=80&rows=24$/);
    socket.open();
    connection.send("mark\n");
    assert.equal(socket.typed(), "", "nothing may go out before the terminal is attached");
    socket.hello();
    assert.equal(socket.typed(), "echo mark\n");
    assert.equal(statuses.at(-1), "open");
    connection.send("ls\n");
    assert.equal(socket.typed(), "echo mark\nls\n");
    connection.close();
  });

  it("keeps typing across a reconnect instead of dropping it", async () => {
    const { connection, nextSocket } = harness();
    const first = await nextSocket(1);
    first.open();
    first.hello();
    first.close(1006);
    connection.send("pwd\n");
    const second = await nextSocket(2);
    second.open();
    second.hello();
    assert.equal(first.typed(), "");
    assert.equal(second.typed(), "pwd\n");
    connection.close();
  });

  it("bounds what it holds, keeping the most recent input", async () => {
    const { connection, nextSocket } = harness({ maxHeldInputBytes: 8 });
    for (const chunk of ["aaaa", "bbbb", "cccc"]) connection.send(chunk);
    const socket = await nextSocket(1);
    socket.open();
    socket.hello();
    assert.equal(socket.typed(), "bbbbcccc");
    connection.close();
  });

  it("sends nothing once closed", async () => {
    const { connection, nextSocket } = harness();
    const socket = await nextSocket(1);
    socket.open();
    socket.hello();
    connection.close();
    connection.send("late\n");
    assert.equal(socket.typed(), "");
  });
});
