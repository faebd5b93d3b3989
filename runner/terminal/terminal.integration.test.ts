/**
 * Terminals against real Docker: a WebSocket round trip into tmux, re-attaching to the same shell,
 * flow control under a `yes` flood, and the upgrade refusing bad tickets and origins.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { memoryLogger } from "../api/logger";
import { TerminalClient, TerminalConnectError } from "./client";
import { TerminalGateway } from "./gateway";
import { originChecker } from "./origin";
import { startTestHost, type TestHost } from "./testing/docker-host";
import { TicketAuthority } from "./tickets";
import { closeCommand } from "./tmux";

const ORIGIN = "http://app.test";
/**
 * tmux redraws rather than relays a flood, so on a busy 2-core CI machine it emits as little as ~50 KB/s;
 * reaching the default 2 MiB window would take a minute. The mechanism is the same at any scale (the
 * default numbers are unit-tested in flow-control.test.ts), so this suite uses a smaller window.
 */
const FLOW = { highWaterBytes: 256 * 1024, lowWaterBytes: 64 * 1024 };
const runtime = new DockerodeRuntime();
const tickets = new TicketAuthority({ secret: new Uint8Array(32).fill(3) });
let host: TestHost;
let gateway: TerminalGateway;
let server: Server;
let base = "";

/** Terminal control sequences (CSI, OSC, charset and keypad selects), which tmux sprinkles between words. */
const ESCAPES = /\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;

/** Accumulates a client's output as text and waits for patterns in its escape-free form. */
function transcript(client: TerminalClient) {
  let text = "";
  let bytes = 0;
  const decoder = new TextDecoder();
  client.onOutput((d) => {
    bytes += d.length;
    text += decoder.decode(d, { stream: true });
    if (text.length > 1_000_000) text = text.slice(-100_000); // floods: keep the tail only
  });
  return {
    get bytes() {
      return bytes;
    },
    async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const m = text.replace(ESCAPES, "").match(pattern);
        if (m) return m;
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; tail: ${JSON.stringify(text.slice(-300))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

function connect(terminalId = "main", options: { autoAck?: boolean; readOnly?: boolean } = {}) {
  const { ticket } = tickets.mint({ sessionId: "s1", host: "node", terminalId, ...(options.readOnly ? { readOnly: true } : {}) });
  return TerminalClient.connect(`${base}?ticket=${ticket}&cols=120&rows=40`, { origin: ORIGIN, ...options });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("terminals over WebSocket (Docker)", { timeout: 180_000 }, () => {
  before(async () => {
    host = await startTestHost(runtime, "r2-terminal");
    gateway = new TerminalGateway({
      runtime,
      tickets,
      isAllowedOrigin: originChecker([ORIGIN]),
      resolveContainer: async (session, name) => (session === "s1" && name === "node" ? host.containerId : null),
      logger: memoryLogger(),
      flow: FLOW,
    });
    server = createServer((_q, res) => res.writeHead(404).end());
    server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/terminal`;
  });

  after(async () => {
    await gateway?.close();
    await new Promise((r) => server?.close(r));
    await host?.dispose();
  });

  it("types `echo hi` and sees hi", async () => {
    const client = await connect("roundtrip");
    const out = transcript(client);
    client.write("echo h''i\r"); // the quotes keep the echoed command line from matching
    await out.waitFor(/\nhi\r\n/);
    const rtt = await client.ping();
    assert.ok(rtt < 1000, `ping took ${rtt} ms`);
    client.close();
    await client.closed;
  });

  it("re-attaches to the same shell after a reconnect, without leaving tmux clients behind", async () => {
    const first = await connect("persist");
    transcript(first);
    first.write("export PRAXIS_MARK=$((6*7)); cd /tmp\r");
    await sleep(300);
    first.close();
    await first.closed;
    await waitUntil(async () => (await tmux(["list-clients", "-t", "persist"])).trim() === "", "tmux client to detach");

    const second = await connect("persist");
    const out = transcript(second);
    second.write("echo mark=$PRAXIS_MARK in $PWD\r");
    await out.waitFor(/mark=42 in \/tmp/);
    // A different terminal id is a different shell.
    const other = await connect("other");
    const otherOut = transcript(other);
    other.write("echo mark=[$PRAXIS_MARK]\r");
    await otherOut.waitFor(/mark=\[\]/);
    for (const c of [second, other]) c.close();
    await Promise.all([second.closed, other.closed]);
  });

  it("a read-only (shadow) connection sees the learner's shell and cannot type into it or resize it", async () => {
    const learner = await connect("shadowed");
    const learnerOut = transcript(learner);
    learner.write("echo ready-$((1+1))\r");
    await learnerOut.waitFor(/ready-2/);
    const watcher = await connect("shadowed", { readOnly: true });
    const watched = transcript(watcher);
    watcher.write("touch /tmp/shadow-typed; echo sneaky-$((2+2))\r");
    watcher.resize(20, 5);
    learner.write("echo learner-$((3+3))\r");
    await watched.waitFor(/learner-6/);
    await learnerOut.waitFor(/learner-6/);
    await sleep(300);
    assert.ok(!/sneaky/.test((await tmux(["capture-pane", "-p", "-t", "shadowed"]))), "nothing the watcher typed reached the shell");
    assert.equal((await tmux(["display-message", "-p", "-t", "shadowed", "#{window_width}"])).trim(), "120", "the watcher did not resize the learner's window");
    for (const c of [watcher, learner]) c.close();
    await Promise.all([watcher.closed, learner.closed]);
  });

  it("closing a terminal ends its shell and jobs and drops its connection; other terminals stay", async () => {
    const keep = await connect("keeper");
    const kept = transcript(keep);
    const doomed = await connect("doomed");
    const doomedOut = transcript(doomed);
    doomed.write("sleep 601 & echo job-$((5*5))\r");
    await doomedOut.waitFor(/job-25/);
    const closing = await runtime.exec(host.containerId, { cmd: closeCommand("doomed"), timeoutMs: 10_000 });
    assert.equal(closing.exitCode, 0, closing.stderr);
    await doomed.closed;
    assert.notEqual((await runtime.exec(host.containerId, { cmd: ["tmux", "has-session", "-t", "=doomed"] })).exitCode, 0, "the tmux session is gone");
    await waitUntil(async () => (await runtime.exec(host.containerId, { cmd: ["sh", "-c", "! pgrep -f '^sleep 601'"] })).exitCode === 0, "the terminal's background job to end");
    keep.write("echo still-$((4+4))\r");
    await kept.waitFor(/still-8/);
    assert.equal((await runtime.exec(host.containerId, { cmd: closeCommand("never-opened") })).exitCode, 0, "closing an unknown terminal is a no-op");
    keep.close();
    await keep.closed;
  });

  it("bounds buffered output under a `yes` flood and stays responsive", async () => {
    // A client that never acknowledges: the runner must stop reading at the window, not buffer without end.
    const stalled = await connect("flood", { autoAck: false });
    const stalledOut = transcript(stalled);
    const rssBefore = process.memoryUsage().rss;
    stalled.write("yes praxis-flood-line\r");
    await waitUntil(async () => stalledOut.bytes >= FLOW.highWaterBytes, "flood output to fill the window", 30_000);
    await sleep(1500);
    const plateau = stalledOut.bytes;
    await sleep(1500);
    assert.ok(plateau < FLOW.highWaterBytes + 128 * 1024, `received ${plateau} bytes without acknowledging`);
    assert.equal(stalledOut.bytes, plateau, "output kept flowing while paused");
    const growth = process.memoryUsage().rss - rssBefore;
    assert.ok(growth < 64 * 1024 * 1024, `runner RSS grew by ${growth} bytes`);
    // The socket itself stays live while output is paused.
    assert.ok((await stalled.ping()) < 1000);
    // Acknowledging resumes the stream.
    stalled.consumed(plateau);
    await waitUntil(async () => stalledOut.bytes > plateau + 16 * 1024, "output to resume after ACK", 30_000);
    stalled.close();
    await stalled.closed;

    // A normal client re-attaches to the still flooding shell, interrupts it and gets a prompt back.
    const client = await connect("flood");
    const out = transcript(client);
    await waitUntil(async () => out.bytes > FLOW.highWaterBytes + 64 * 1024, "flood to stream past the window with ACKs", 30_000);
    client.write("\x03");
    await sleep(300);
    client.write("echo fl''ood-stopped\r");
    await out.waitFor(/\nflood-stopped\r\n/, 15_000);
    client.close();
    await client.closed;
  });

  it("refuses a wrong origin (403) and a foreign ticket (401) before touching Docker", async () => {
    const { ticket } = tickets.mint({ sessionId: "s1", host: "node", terminalId: "main" });
    const foreign = new TicketAuthority({ secret: new Uint8Array(32).fill(4) }).mint({ sessionId: "s1", host: "node", terminalId: "main" });
    const status = (url: string, origin: string) =>
      TerminalClient.connect(url, { origin }).then(
        () => 101,
        (err: TerminalConnectError) => err.status,
      );
    assert.equal(await status(`${base}?ticket=${ticket}`, "http://evil.test"), 403);
    assert.equal(await status(`${base}?ticket=${foreign.ticket}`, ORIGIN), 401);
  });
});

async function tmux(args: string[]): Promise<string> {
  const r = await runtime.exec(host.containerId, { cmd: ["tmux", ...args] });
  return r.stdout;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
