/** runScriptCheck on Docker: FAIL: messages, shebangs, and a timeout that really kills the script. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { runScriptCheck } from "./script-check";

describe("runScriptCheck on Docker", { timeout: 60_000 }, () => {
  const rt = new DockerodeRuntime();
  const name = `praxis-it-check-${process.pid}`;
  let id = "";
  before(async () => {
    await rt.createNetwork({ name, labels: { "praxis.test": name }, internal: true });
    id = (await rt.createContainer({
      name, image: "debian:bookworm-slim", hostname: "box", labels: { "praxis.test": name }, env: {}, cmd: ["sleep", "infinity"],
      network: { name, aliases: ["box"] }, privileged: false, capAdd: [], capDrop: ["ALL"], securityOpt: [],
      resources: { nanoCpus: 1e9, memoryBytes: 128 * 1024 * 1024, pids: 64 }, init: true,
    })).id;
    await rt.startContainer(id);
  });
  after(async () => {
    await rt.removeContainer(id);
    await rt.removeNetwork(name);
  });

  it("passes, and fails with the FAIL: lines", async () => {
    assert.equal((await runScriptCheck(rt, id, "#!/bin/bash\n[[ -d /etc ]]\n", { timeoutMs: 10_000 })).passed, true);
    const r = await runScriptCheck(rt, id, "echo 'FAIL: /root/hello.txt does not exist'\nexit 1\n", { timeoutMs: 10_000 });
    assert.deepEqual([r.passed, r.exitCode, r.message], [false, 1, "/root/hello.txt does not exist"]);
  });

  it("kills a script that overruns its timeout", async () => {
    const r = await runScriptCheck(rt, id, "sleep 30 & echo $! > /tmp/sleeper; wait", { timeoutMs: 1000 });
    assert.equal(r.passed, false);
    assert.equal(r.message, "check timed out after 1s");
    assert.ok(r.durationMs < 5000, `took ${r.durationMs} ms`);
    const still = await rt.exec(id, { cmd: ["sh", "-c", "kill -0 $(cat /tmp/sleeper) 2>/dev/null && echo alive || echo gone"] });
    assert.equal(still.stdout, "gone\n");
  });
});
