/** The client's file methods: the runner routes, the path and every root as query parameters, the JSON body. */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { RunnerHttpClient, RunnerRequestError } from "./client";

describe("RunnerHttpClient files", () => {
  const seen: { method: string; url: string; auth: string; body: string }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization ?? "", body });
    if (req.url!.includes("path=%2Fetc")) {
      res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "outside_root", message: "/etc is outside the editable paths /root" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: req.method }));
  });
  let client: RunnerHttpClient;

  before(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    client = new RunnerHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: "t0k" });
  });
  after(() => server.close());

  it("lists, reads and writes through the runner's file routes", async () => {
    await client.listFiles("s1", "web", "/root/my dir", ["/root", "/etc/app"]);
    await client.readFile("s1", "web", "/root/a.txt", ["/root"]);
    await client.writeFile("s1", "web", "/root/a.txt", ["/root"], "hello\n");
    assert.deepEqual(
      seen.map((r) => [r.method, r.url, r.auth, r.body]),
      [
        ["GET", "/sessions/s1/hosts/web/files?path=%2Froot%2Fmy+dir&root=%2Froot&root=%2Fetc%2Fapp", "Bearer t0k", ""],
        ["GET", "/sessions/s1/hosts/web/file?path=%2Froot%2Fa.txt&root=%2Froot", "Bearer t0k", ""],
        ["PUT", "/sessions/s1/hosts/web/file?path=%2Froot%2Fa.txt&root=%2Froot", "Bearer t0k", '{"content":"hello\\n"}'],
      ],
    );
  });

  it("turns the runner's refusal into a typed error with its code and message", async () => {
    await assert.rejects(client.readFile("s1", "web", "/etc/shadow", ["/root"]), (err: unknown) => {
      assert.ok(err instanceof RunnerRequestError);
      assert.deepEqual([err.status, err.code, err.message], [403, "outside_root", "/etc is outside the editable paths /root"]);
      return true;
    });
  });
});
