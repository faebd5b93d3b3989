import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { FakeRuntime } from "../docker/fake-runtime";
import { memoryLogger } from "../api/logger";
import { TerminalClient, TerminalConnectError } from "./client";
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { TerminalGateway } from "./gateway";
import { attachToLocalTerminal } from "./local-terminal";
import { originChecker } from "./origin";
import { TicketAuthority } from "./tickets";

const ORIGIN = "http://app.test";

async function runningContainer(rt: FakeRuntime): Promise<string> {
  await rt.createNetwork({ name: "net", labels: {}, internal: true });
  const c = await rt.createContainer({
    name: "praxis-s1-node",
    image: "img",
    hostname: "node",
    labels: {},
    env: {},
    network: { name: "net", aliases: ["node"] },
    privileged: false,
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    resources: { nanoCpus: 1e9, memoryBytes: 2 ** 29, pids: 256 },
    init: true,
  });
  await rt.startContainer(c.id);
  return c.id;
}

describe("TerminalGateway (fake runtime)", () => {
  const rt = new FakeRuntime({ images: ["img"] });
  const tickets = new TicketAuthority({ secret: new Uint8Array(32).fill(7) });
  const logger = memoryLogger();
  const counted = { in: 0, out: 0, open: 0 };
  let containerId = "";
  let gateway: TerminalGateway;
  let server: Server;
  let base = "";

  before(async () => {
    containerId = await runningContainer(rt);
    gateway = new TerminalGateway({
      runtime: rt,
      tickets,
      isAllowedOrigin: originChecker([ORIGIN]),
      resolveContainer: async (session, host) => (session === "s1" && host === "node" ? containerId : null),
      logger,
      keepaliveMs: 100,
      metrics: { bytes: (d, n) => void (counted[d] += n), connections: (d) => void (counted.open += d) },
    });
    server = createServer((_req, res) => res.writeHead(404).end());
    server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/terminal`;
  });

  after(async () => {
    await gateway.close();
    await new Promise((r) => server.close(r));
  });

  const mint = (claims: Partial<{ sessionId: string; host: string; terminalId: string }> = {}) =>
    tickets.mint({ sessionId: "s1", host: "node", terminalId: "main", ...claims }).ticket;

  async function refusedWith(url: string, origin = ORIGIN): Promise<number | null> {
    try {
      const c = await TerminalClient.connect(url, { origin });
      c.close();
      return 101;
    } catch (err) {
      assert.ok(err instanceof TerminalConnectError);
      return err.status;
    }
  }

  it("relays a keystroke round trip, counts bytes, and detaches tmux when the socket closes", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}&cols=100&rows=30`, { origin: ORIGIN });
    assert.equal(client.terminalId, "main");
    const tty = rt.ttys.at(-1)!;
    assert.deepEqual([tty.cols, tty.rows], [100, 30]);
    const echoed = new Promise<string>((resolve) => client.onOutput((d) => resolve(new TextDecoder().decode(d))));
    client.write("echo hi\r");
    assert.equal(await echoed, "echo hi\r");
    assert.equal(counted.in, 8);
    assert.equal(counted.out, 8);
    assert.equal(gateway.activeCount, 1);
    client.close();
    await client.closed;
    await waitFor(() => gateway.activeCount === 0);
    assert.ok(rt.log.some((l) => l.startsWith(`exec ${containerId} sh -c`) && l.includes("praxis-terminal-detach")));
    assert.equal(tty.closed, true);
    assert.equal(counted.open, 0);
  });

  it("attaches a local terminal: keys in, output out, SIGWINCH resizes, exit code returned", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}`, { origin: ORIGIN, autoAck: false });
    const tty = rt.ttys.at(-1)!;
    const stdin = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: () => stdin });
    const stdout = Object.assign(new PassThrough(), { columns: 90, rows: 33 });
    const signals = new EventEmitter();
    let written = "";
    stdout.on("data", (d: Buffer) => (written += d.toString()));
    const exit = attachToLocalTerminal(client, { stdin, stdout, signals } as never);
    stdin.write("ls\r");
    await waitFor(() => written === "ls\r");
    await waitFor(() => tty.cols === 90 && tty.rows === 33);
    Object.assign(stdout, { columns: 100, rows: 40 });
    signals.emit("SIGWINCH");
    await waitFor(() => tty.cols === 100 && tty.rows === 40);
    tty.finish(7);
    assert.equal(await exit, 7);
    assert.equal(signals.listenerCount("SIGWINCH"), 0);
  });

  it("holds piped input until the shell has settled, and detaches once the input ends", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}`, { origin: ORIGIN, autoAck: false });
    const tty = rt.ttys.at(-1)!;
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let written = "";
    stdout.on("data", (d: Buffer) => (written += d.toString()));
    const exit = attachToLocalTerminal(client, { stdin, stdout, signals: new EventEmitter(), quietMs: 30 } as never);
    stdin.end("ls\r");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(tty.written.length, 0, "nothing is typed before the shell has printed anything");
    tty.emit("$ ");
    await waitFor(() => written === "$ ls\r");
    assert.equal(await exit, 0, "the end of the input detached normally");
    assert.equal(tty.closed, true);
  });

  it("keeps output that arrives before the client listens (e.g. in the same read as HELLO)", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}`, { origin: ORIGIN });
    rt.ttys.at(-1)!.emit("banner$ ");
    await new Promise((r) => setTimeout(r, 50));
    const first = await new Promise<string>((r) => client.onOutput((d) => r(new TextDecoder().decode(d))));
    assert.equal(first, "banner$ ");
    client.close();
    await client.closed;
  });

  it("reports the shell's exit code and closes normally", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}`, { origin: ORIGIN });
    rt.ttys.at(-1)!.finish(0);
    assert.deepEqual(await client.closed, { code: 1000, reason: "shell exited", exitCode: 0 });
  });

  it("refuses a wrong or missing Origin with 403 before looking at the ticket", async () => {
    const ticket = mint();
    assert.equal(await refusedWith(`${base}?ticket=${ticket}`, "http://evil.test"), 403);
    const noOrigin = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`${base}?ticket=${ticket}`);
      ws.on("unexpected-response", (_q, res) => resolve(res.statusCode));
      ws.on("error", () => undefined);
    });
    assert.equal(noOrigin, 403);
    // The ticket was not burnt by the refused attempts.
    assert.equal(await refusedWith(`${base}?ticket=${ticket}`), 101);
  });

  it("refuses missing, tampered, foreign, expired and replayed tickets with 401", async () => {
    const foreign = new TicketAuthority({ secret: new Uint8Array(32).fill(8) }).mint({ sessionId: "s1", host: "node", terminalId: "main" });
    // Same secret, but minted two minutes ago: expired by the gateway's clock.
    const past = new TicketAuthority({ secret: new Uint8Array(32).fill(7), now: () => Date.now() - 120_000 });
    const stale = past.mint({ sessionId: "s1", host: "node", terminalId: "main" }).ticket;
    const used = mint();
    assert.equal(await refusedWith(`${base}?ticket=${used}`), 101);
    // Flip the last signature character (base64url's spare low bits included: only the canonical form passes).
    const tampered = mint().replace(/.$/, (ch) => (ch === "A" ? "B" : "A"));
    const otherClaims = mint().replace(/^v1\.(.)/, (_m, ch: string) => `v1.${ch === "e" ? "f" : "e"}`);
    for (const url of [base, `${base}?ticket=${tampered}`, `${base}?ticket=${otherClaims}`, `${base}?ticket=${foreign.ticket}`, `${base}?ticket=${stale}`, `${base}?ticket=${used}`]) {
      assert.equal(await refusedWith(url), 401, url);
    }
    assert.ok(logger.entries.some((e) => e.event === "terminal.rejected" && e.status === 401));
  });

  it("answers 404 for a ticket whose session or host no longer exists", async () => {
    assert.equal(await refusedWith(`${base}?ticket=${mint({ host: "gone" })}`), 404);
  });

  it("closes a socket that sends text frames", async () => {
    const client = await TerminalClient.connect(`${base}?ticket=${mint()}`, { origin: ORIGIN });
    (client as unknown as { ws: WebSocket }).ws.send("not binary");
    assert.equal((await client.closed).code, 1003);
  });

  it("terminates a socket that stops answering pings", async () => {
    const ws = new WebSocket(`${base}?ticket=${mint()}`, { origin: ORIGIN, autoPong: false });
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    assert.equal(await closed, 1006, "terminated, not closed politely");
    await waitFor(() => logger.entries.some((e) => e.event === "terminal.dead_socket"));
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
