import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { describe, it } from "node:test";
import { upgradeRequestHead } from "./service-upgrade";

const request = (rawHeaders: string[], method = "GET") => ({ method, rawHeaders }) as unknown as IncomingMessage;

describe("the upgrade request a service receives", () => {
  it("keeps the WebSocket handshake, gets the service's own Host, and never the runner's token or Praxis headers", () => {
    const head = upgradeRequestHead(
      request(["Host", "runner:4100", "Authorization", "Bearer secret", "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Key", "abc==", "X-Praxis-Client-Ip", "1.2.3.4", "Cookie", "theme=dark"]),
      "/app/socket?room=1",
      8080,
    );
    assert.equal(head, "GET /app/socket?room=1 HTTP/1.1\r\nHost: localhost:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: abc==\r\nCookie: theme=dark\r\n\r\n");
  });

  it("refuses what could smuggle a second request: a bad method, path or header value", () => {
    assert.equal(upgradeRequestHead(request([], "GET /x HTTP/1.1\r\n"), "/", 80), null);
    assert.equal(upgradeRequestHead(request([]), "/a b", 80), null);
    assert.equal(upgradeRequestHead(request(["X-Evil", "a\r\nHost: elsewhere"]), "/", 80), null);
  });
});
