/**
 * Runs the shared runtime contract against the in-memory fake, plus the fake-only conveniences
 * (failure injection, exec handlers, TTY echo) that other unit tests depend on.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isRuntimeError } from "./errors";
import { FakeRuntime } from "./fake-runtime";
import { runtimeContract } from "./runtime.contract";

runtimeContract("FakeRuntime", () => {
  const runtime = new FakeRuntime({ images: ["debian:bookworm-slim"] });
  return { runtime, image: "debian:bookworm-slim", volumeExists: async (name) => runtime.volumeNames().includes(name) };
});

describe("FakeRuntime extras", () => {
  it("fails the next call of an operation once when asked", async () => {
    const rt = new FakeRuntime();
    rt.failNext("createNetwork");
    await assert.rejects(rt.createNetwork({ name: "n", labels: {}, internal: true }), (e) => isRuntimeError(e, "failed"));
    assert.equal((await rt.createNetwork({ name: "n", labels: {}, internal: true })).name, "n");
  });

  it("answers exec from installed handlers before built-ins, and echoes on a tty", async () => {
    const rt = new FakeRuntime({ images: ["img"] });
    await rt.createNetwork({ name: "n", labels: {}, internal: true });
    const c = await rt.createContainer({
      name: "c", image: "img", hostname: "c", labels: {}, env: {}, network: { name: "n", aliases: [] }, privileged: false,
      capAdd: [], capDrop: [], securityOpt: [], resources: { nanoCpus: 1, memoryBytes: 1, pids: 1 }, init: false,
    });
    await rt.startContainer(c.id);
    rt.onExec((call) => (call.cmd[0] === "check" ? { exitCode: 1, stdout: `FAIL: ${call.stdin}\n` } : undefined));
    assert.deepEqual((await rt.exec(c.id, { cmd: ["check"], stdin: "nope" })).stdout, "FAIL: nope\n");
    assert.equal((await rt.exec(c.id, { cmd: ["true"] })).exitCode, 0);
    assert.equal((await rt.exec(c.id, { cmd: ["unknown-binary"] })).exitCode, 127);

    const tty = await rt.execTty(c.id, { cmd: ["bash"], cols: 80, rows: 24 });
    const seen: string[] = [];
    tty.onData((d) => seen.push(new TextDecoder().decode(d)));
    tty.pause();
    tty.write("ls\r");
    assert.deepEqual(seen, []);
    tty.resume();
    assert.deepEqual(seen, ["ls\r"]);
    rt.ttys[0]!.finish(0);
    assert.deepEqual(await tty.exited, { exitCode: 0 });
  });

  it("reports an unavailable engine as a typed error", async () => {
    const rt = new FakeRuntime();
    rt.available = false;
    await assert.rejects(rt.ping(), (e) => isRuntimeError(e, "unavailable"));
  });
});
