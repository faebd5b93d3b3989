/**
 * The site's WebSocket proxy against a real `ws` upstream: frames flow both ways unchanged (binary and
 * text), headers such as Origin reach the upstream, and a refused upgrade comes back with its status.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import WebSocket, { WebSocketServer } from "ws";
import { proxyWebSocket } from "./ws-proxy";

const listen = (server: Server) => new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as AddressInfo).port)));

describe("proxyWebSocket", () => {
  const upstream = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const proxy = createServer();
  let proxyPort = 0;
  const origins: (string | undefined)[] = [];

  before(async () => {
    upstream.on("upgrade", (req, socket, head) => {
      if (!req.url?.includes("ticket=good")) return void socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      origins.push(req.headers.origin);
      wss.handleUpgrade(req, socket, head, (ws) => ws.on("message", (data, binary) => ws.send(binary ? Buffer.concat([Buffer.from([0x80]), data as Buffer]) : `echo:${data}`)));
    });
    const upstreamPort = await listen(upstream);
    proxy.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://x");
      proxyWebSocket(req, socket, head, new URL(`/terminal${url.search}`, `http://127.0.0.1:${upstreamPort}`));
    });
    proxyPort = await listen(proxy);
  });
  after(() => {
    wss.close();
    upstream.closeAllConnections();
    proxy.closeAllConnections();
    upstream.close();
    proxy.close();
  });

  it("relays frames both ways and forwards the Origin", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${proxyPort}/api/terminal?ticket=good`, { origin: "http://site.test" });
    await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
    const next = () => new Promise<{ data: Buffer; binary: boolean }>((r) => ws.once("message", (data: Buffer, binary) => r({ data, binary })));
    let reply = next();
    ws.send(Buffer.from([1, 2, 3]));
    assert.deepEqual([...(await reply).data], [0x80, 1, 2, 3]);
    reply = next();
    ws.send("hi");
    assert.equal((await reply).data.toString(), "echo:hi");
    assert.deepEqual(origins, ["http://site.test"]);
    ws.close();
  });

  it("passes a refusal through as the same HTTP status", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${proxyPort}/api/terminal?ticket=bad`);
    const status = await new Promise<number | undefined>((resolve) => {
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode));
      ws.once("error", () => resolve(undefined));
    });
    assert.equal(status, 401);
  });
});
