import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FakeTtyExec } from "../docker/fake-tty";
import { bridgeTerminal, CloseCode, type TerminalSocket } from "./bridge";
import { ClientOp, decodeServerFrame, encodeClientFrame, type ClientFrame, type ServerFrame } from "./protocol";

/** A socket that records what the bridge sends and lets the test play the client. */
class FakeSocket implements TerminalSocket {
  sent: ServerFrame[] = [];
  closed?: { code: number; reason: string };
  private messageListeners: Array<(d: Uint8Array) => void> = [];
  private closeListeners: Array<() => void> = [];
  send(frame: Uint8Array) {
    this.sent.push(decodeServerFrame(frame));
  }
  close(code: number, reason: string) {
    if (this.closed) return;
    this.closed = { code, reason };
    for (const l of this.closeListeners) l();
  }
  onMessage(l: (d: Uint8Array) => void) {
    this.messageListeners.push(l);
  }
  onClose(l: () => void) {
    this.closeListeners.push(l);
  }
  client(frame: ClientFrame | Uint8Array) {
    const raw = frame instanceof Uint8Array ? frame : encodeClientFrame(frame);
    for (const l of this.messageListeners) l(raw);
  }
  output(): string {
    return this.sent.map((f) => (f.type === "output" ? new TextDecoder().decode(f.data) : "")).join("");
  }
}

const tick = () => new Promise((r) => setImmediate(r));
const text = (s: string) => new TextEncoder().encode(s);

describe("bridgeTerminal", () => {
  it("greets, relays keystrokes and output, resizes and answers pings", async () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    const counted: Array<[string, number]> = [];
    bridgeTerminal(socket, tty, { terminalId: "main", onBytes: (d, n) => counted.push([d, n]) });
    assert.deepEqual(socket.sent[0], { type: "hello", version: 1, terminalId: "main" });
    socket.client({ type: "input", data: text("ls\r") });
    assert.equal(socket.output(), "ls\r");
    socket.client({ type: "resize", cols: 120, rows: 40 });
    socket.client({ type: "ping", payload: text("t1") });
    await tick();
    assert.deepEqual([tty.cols, tty.rows], [120, 40]);
    assert.deepEqual(socket.sent.at(-1), { type: "pong", payload: text("t1") });
    assert.deepEqual(counted, [["in", 3], ["out", 3]]);
  });

  it("read-only (a shadow view): shows output but drops keystrokes and resizes", async () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    const counted: Array<[string, number]> = [];
    bridgeTerminal(socket, tty, { terminalId: "main", readOnly: true, onBytes: (d, n) => counted.push([d, n]) });
    socket.client({ type: "input", data: text("rm -rf /\r") });
    socket.client({ type: "resize", cols: 200, rows: 60 });
    socket.client({ type: "ping", payload: text("p") });
    await tick();
    assert.equal(tty.written.length, 0, "nothing reached the shell");
    assert.deepEqual([tty.cols, tty.rows], [80, 24]);
    tty.emit(text("learner typed\r\n"));
    assert.match(socket.output(), /learner typed/);
    assert.deepEqual(socket.sent.find((f) => f.type === "pong"), { type: "pong", payload: text("p") });
    assert.deepEqual(counted, [["out", 15]]);
    assert.equal(socket.closed, undefined);
  });

  it("pauses the shell above the high-water mark and resumes after ACKs", () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    const bridge = bridgeTerminal(socket, tty, { terminalId: "t", flow: { highWaterBytes: 1000, lowWaterBytes: 200 } });
    tty.emit(new Uint8Array(600));
    assert.equal(tty.paused, false);
    tty.emit(new Uint8Array(600));
    assert.equal(tty.paused, true);
    assert.equal(bridge.flow.unacknowledgedBytes, 1200);
    socket.client({ type: "ack", bytes: 900 });
    assert.equal(tty.paused, true, "still above the low-water mark");
    socket.client({ type: "ack", bytes: 100 });
    assert.equal(tty.paused, false);
  });

  it("reports the shell's exit to the client and closes normally", async () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    let detached = false;
    const bridge = bridgeTerminal(socket, tty, { terminalId: "t", detach: async () => void (detached = true) });
    tty.finish(3);
    assert.deepEqual(await bridge.done, { reason: "shell_exited", exitCode: 3 });
    assert.deepEqual(socket.sent.at(-1), { type: "exit", code: 3 });
    assert.deepEqual(socket.closed, { code: CloseCode.normal, reason: "shell exited" });
    assert.equal(detached, false, "nothing to detach from once the shell is gone");
  });

  it("detaches, then drops the stream, when the client goes away", async () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    const order: string[] = [];
    const bridge = bridgeTerminal(socket, tty, {
      terminalId: "t",
      detach: async () => {
        order.push(`detach closed=${tty.closed}`);
      },
    });
    socket.close(1001, "going away");
    assert.deepEqual(await bridge.done, { reason: "socket_closed" });
    assert.deepEqual(order, ["detach closed=false"]);
    assert.equal(tty.closed, true);
    tty.emit("late output");
    assert.equal(socket.output(), "", "nothing is sent after the end");
  });

  it("answers a malformed frame with ERROR and a protocol-error close", async () => {
    const socket = new FakeSocket();
    const tty = new FakeTtyExec({ cols: 80, rows: 24 });
    const bridge = bridgeTerminal(socket, tty, { terminalId: "t" });
    socket.client(new Uint8Array([ClientOp.RESIZE, 0]));
    const end = await bridge.done;
    assert.equal(end.reason, "protocol_error");
    assert.deepEqual(socket.sent.at(-1), { type: "error", message: "protocol error: RESIZE frame needs a 4-byte payload, got 1" });
    assert.equal(socket.closed?.code, CloseCode.protocolError);
    assert.equal(tty.closed, true);
  });
});
