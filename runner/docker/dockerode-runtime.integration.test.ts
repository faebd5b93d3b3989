/**
 * Runs the shared runtime contract against the real Docker engine, plus Docker-only behaviour the
 * fake cannot model (TTY sizing, client-side exec deadline). Needs a running dockerd and the
 * debian:bookworm-slim image.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Docker from "dockerode";
import { DockerodeRuntime } from "./dockerode-runtime";
import { runtimeContract } from "./runtime.contract";

const IMAGE = "debian:bookworm-slim";
runtimeContract("DockerodeRuntime", () => {
  // Volumes are outside the ContainerRuntime interface, so the test asks the engine directly.
  const docker = new Docker({ socketPath: "/var/run/docker.sock" });
  const volumeExists = (name: string) =>
    docker.getVolume(name).inspect().then(
      () => true,
      (err: { statusCode?: number }) => (err.statusCode === 404 ? false : Promise.reject(err)),
    );
  return { runtime: new DockerodeRuntime(), image: IMAGE, volumeExists };
});

describe("DockerodeRuntime on Docker", () => {
  const rt = new DockerodeRuntime();
  const name = `praxis-it-docker-${process.pid}`;
  let id = "";
  before(async () => {
    await rt.createNetwork({ name, labels: { "praxis.test": name }, internal: true });
    const c = await rt.createContainer({
      name, image: IMAGE, hostname: "box", labels: { "praxis.test": name }, env: {}, cmd: ["sleep", "infinity"],
      network: { name, aliases: ["box"] }, privileged: false, capAdd: [], capDrop: ["ALL"],
      securityOpt: ["no-new-privileges:true"], resources: { nanoCpus: 1e9, memoryBytes: 128 * 1024 * 1024, pids: 64 }, init: true,
    });
    id = c.id;
    await rt.startContainer(id);
  });
  after(async () => {
    await rt.removeContainer(id);
    await rt.removeNetwork(name);
  });

  it("gives up waiting at the exec deadline and says so", async () => {
    const started = Date.now();
    const r = await rt.exec(id, { cmd: ["sleep", "10"], timeoutMs: 300 });
    assert.equal(r.timedOut, true);
    assert.ok(Date.now() - started < 3000);
  });

  it("runs an interactive tty with the requested size and reports its exit code", async () => {
    const tty = await rt.execTty(id, { cmd: ["sh"], cols: 123, rows: 45 });
    let out = "";
    tty.onData((d) => (out += new TextDecoder().decode(d)));
    tty.write("stty size; exit 5\n");
    assert.deepEqual(await tty.exited, { exitCode: 5 });
    assert.match(out, /45 123/);
  });
});
