/** One streamed HTTP exchange through a tunnel, on the in-memory runtime: what the caller gets for each way a service answers. */
import assert from "node:assert/strict";
import { text } from "node:stream/consumers";
import { before, describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { ServiceError } from "./errors";
import { exchangeHttp } from "./http-exchange";
import { fakeService } from "./testing/fake-service";

const get = (port: number, method = "GET") => ({ method, target: "/", port, headers: [], body: new Uint8Array() });
const kind = (k: string, message: RegExp) => (e: unknown) => e instanceof ServiceError && e.kind === k && message.test(e.message);

describe("exchangeHttp", () => {
  const runtime = new FakeRuntime({ images: ["img"] });
  let containerId = "";

  before(async () => {
    await runtime.createNetwork({ name: "n", labels: {}, internal: true });
    const web = await runtime.createContainer({
      name: "web", image: "img", hostname: "web", labels: {}, env: {}, network: { name: "n", aliases: [] },
      privileged: false, capAdd: [], capDrop: ["ALL"], securityOpt: [], resources: { nanoCpus: 1e9, memoryBytes: 64 << 20, pids: 64 }, init: true,
    });
    containerId = web.id;
    await runtime.startContainer(containerId);
  });

  it("skips interim 1xx answers and gives the final head, its declared length and its body", async () => {
    fakeService(runtime, 80, (_req, call) => {
      call.output.write("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel");
      setTimeout(() => call.output.write("lo"), 10);
    });
    const answer = await exchangeHttp(runtime, containerId, get(80), { headTimeoutMs: 5000 });
    assert.deepEqual([answer.status, answer.length], [200, 5]);
    assert.equal(await text(answer.body), "hello");
  });

  it("gives a HEAD answer an empty body and closes the tunnel at once", async () => {
    const service = fakeService(runtime, 81, (_req, call) => call.output.write("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"));
    const answer = await exchangeHttp(runtime, containerId, get(81, "HEAD"), { headTimeoutMs: 5000 });
    assert.equal(await text(answer.body), "");
    assert.equal(service.closed(), 1);
  });

  it("times out a service that never starts answering, and closes its tunnel", async () => {
    const silent = fakeService(runtime, 82, () => undefined);
    await assert.rejects(exchangeHttp(runtime, containerId, get(82), { headTimeoutMs: 50 }), kind("timed_out", /did not start answering/));
    await new Promise((r) => setImmediate(r));
    assert.equal(silent.closed(), 1);
  });

  it("says what went wrong when nothing listens, no relay tool exists, or the answer is not HTTP", async () => {
    runtime.onPipe((call) => (call.cmd.at(-1) === "83" ? (call.exit(97, ""), true) : false));
    await assert.rejects(exchangeHttp(runtime, containerId, get(83), { headTimeoutMs: 5000 }), kind("not_listening", /nothing accepts connections on port 83/));
    runtime.onPipe((call) => (call.cmd.at(-1) === "84" ? (call.exit(98, "no relay tool (bash, perl, busybox) in this image\n"), true) : false));
    await assert.rejects(exchangeHttp(runtime, containerId, get(84), { headTimeoutMs: 5000 }), kind("no_relay", /needs bash, perl or busybox/));
    fakeService(runtime, 85, (_req, call) => (call.output.write("HTTP/1.1 200 OK\r\nX-A: 1\r\n"), call.exit(0)));
    await assert.rejects(exchangeHttp(runtime, containerId, get(85), { headTimeoutMs: 5000 }), kind("bad_response", /closed the connection in the middle of its headers/));
    fakeService(runtime, 86, (_req, call) => call.output.write(`HTTP/1.1 200 OK\r\nX-Big: ${"x".repeat(2000)}`));
    await assert.rejects(exchangeHttp(runtime, containerId, get(86), { headTimeoutMs: 5000, maxHeadBytes: 1024 }), kind("bad_response", /no end of headers within 1024 bytes/));
    fakeService(runtime, 87, (_req, call) => (call.exit(0)));
    await assert.rejects(exchangeHttp(runtime, containerId, get(87), { headTimeoutMs: 5000 }), kind("bad_response", /closed the connection without answering/));
  });
});
