/**
 * The behaviour every ContainerRuntime must share, written once and run against the in-memory fake
 * (fake-runtime.test.ts) and against Docker (dockerode-runtime.integration.test.ts). If the fake and
 * Docker ever disagree on something the runner relies on, one of these cases fails.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { after, describe, it } from "node:test";
import { isRuntimeError } from "./errors";
import type { ContainerRuntime, ContainerSpec } from "./runtime";

export interface ContractSubject {
  runtime: ContainerRuntime;
  /** An image that exists and has sh, cat, echo and sleep. */
  image: string;
  /** Whether a volume of that name exists (volumes are not part of the interface, only of its effects). */
  volumeExists: (name: string) => Promise<boolean>;
}

/** A loopback port that was free a moment ago (the way kind pre-picks its API server port). */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function runtimeContract(name: string, make: () => ContractSubject): void {
  describe(`ContainerRuntime contract: ${name}`, () => {
    const { runtime, image, volumeExists } = make();
    const run = randomBytes(4).toString("hex");
    const labels = { "praxis.test": `contract-${run}` };
    const spec = (suffix: string, network: string): ContainerSpec => ({
      name: `praxis-contract-${run}-${suffix}`,
      image,
      hostname: suffix,
      labels: { ...labels, "praxis.host": suffix },
      env: { GREETING: "hello" },
      cmd: ["sleep", "infinity"],
      network: { name: network, aliases: [suffix] },
      privileged: false,
      capAdd: ["CHOWN"],
      capDrop: ["ALL"],
      securityOpt: ["no-new-privileges:true"],
      resources: { nanoCpus: 500_000_000, memoryBytes: 64 * 1024 * 1024, pids: 64 },
      init: true,
    });

    after(async () => {
      for (const c of await runtime.listContainers(labels)) await runtime.removeContainer(c.id);
      for (const n of await runtime.listNetworks(labels)) await runtime.removeNetwork(n.id);
    });

    it("creates, lists by label and removes networks idempotently", async () => {
      const net = await runtime.createNetwork({ name: `praxis-contract-${run}-n1`, labels, internal: true });
      assert.equal(net.internal, true);
      await assert.rejects(runtime.createNetwork({ name: net.name, labels, internal: true }), (e) => isRuntimeError(e, "conflict"));
      assert.deepEqual((await runtime.listNetworks(labels)).map((n) => n.name), [net.name]);
      assert.deepEqual(await runtime.listNetworks({ "praxis.test": "nothing-has-this" }), []);
      await runtime.removeNetwork(net.name);
      await runtime.removeNetwork(net.name);
      assert.deepEqual(await runtime.listNetworks(labels), []);
    });

    it("manages a container's lifecycle with its labels and limits", async () => {
      const netName = `praxis-contract-${run}-n2`;
      await runtime.createNetwork({ name: netName, labels, internal: true });
      const created = await runtime.createContainer(spec("a", netName));
      assert.equal(created.state, "created");
      assert.equal(created.labels["praxis.host"], "a");
      assert.deepEqual(created.hostConfig.capDrop, ["ALL"]);
      assert.equal(created.hostConfig.resources.pids, 64);
      await assert.rejects(runtime.createContainer(spec("a", netName)), (e) => isRuntimeError(e, "conflict"));
      await assert.rejects(runtime.exec(created.id, { cmd: ["true"] }), (e) => isRuntimeError(e, "conflict"));

      await runtime.startContainer(created.id);
      const running = await runtime.inspectContainer(created.name);
      assert.equal(running?.state, "running");
      assert.ok(running?.networks[netName], "a running container has an address on its network");
      assert.deepEqual((await runtime.listContainers({ ...labels, "praxis.host": "a" })).map((c) => c.id), [created.id]);

      await assert.rejects(runtime.removeNetwork(netName), (e) => isRuntimeError(e, "conflict"));
      await runtime.stopContainer(created.id);
      await runtime.stopContainer(created.id);
      assert.equal((await runtime.inspectContainer(created.id))?.state, "exited");
      await runtime.removeContainer(created.id);
      await runtime.removeContainer(created.id);
      assert.equal(await runtime.inspectContainer(created.id), null);
      await runtime.removeNetwork(netName);
    });

    it("copies files in and runs commands with output, stdin and exit codes", async () => {
      const netName = `praxis-contract-${run}-n3`;
      await runtime.createNetwork({ name: netName, labels, internal: true });
      const c = await runtime.createContainer(spec("b", netName));
      const text = "line one\nline two\n";
      await runtime.copyFiles(c.id, [{ path: "/opt/praxis/deep/dir/note.txt", content: new TextEncoder().encode(text), mode: 0o644 }]);
      await runtime.startContainer(c.id);

      const cat = await runtime.exec(c.id, { cmd: ["cat", "/opt/praxis/deep/dir/note.txt"] });
      assert.deepEqual([cat.exitCode, cat.stdout, cat.timedOut], [0, text, false]);
      const missing = await runtime.exec(c.id, { cmd: ["cat", "/nope"] });
      assert.notEqual(missing.exitCode, 0);
      assert.match(missing.stderr, /No such file/);
      assert.equal((await runtime.exec(c.id, { cmd: ["sh", "-c", "exit 3"] })).exitCode, 3);
      assert.equal((await runtime.exec(c.id, { cmd: ["echo", "hi", "there"] })).stdout, "hi there\n");
      assert.equal((await runtime.exec(c.id, { cmd: ["cat"], stdin: "piped" })).stdout, "piped");
      const binary = new Uint8Array([0, 255, 13, 10, 0xc3, 0x28, 128]); // not valid UTF-8
      const raw = await runtime.exec(c.id, { cmd: ["cat"], stdin: binary, rawStdout: true });
      assert.deepEqual(raw.stdoutBytes, binary, "rawStdout returns the bytes undecoded");
      assert.equal((await runtime.exec(c.id, { cmd: ["cat"], stdin: "x" })).stdoutBytes, undefined);
      const capped = await runtime.exec(c.id, { cmd: ["cat", "/opt/praxis/deep/dir/note.txt"], maxOutputBytes: 4 });
      assert.deepEqual([capped.stdout, capped.truncated], ["line", true]);
      await runtime.removeContainer(c.id);
    });

    it("creates a kind-style node container: tmpfs, volumes, binds, cgroupns, ports, restart policy", async () => {
      const netName = `praxis-contract-${run}-n4`;
      // Not internal: Docker publishes no ports for containers on an internal network.
      await runtime.createNetwork({ name: netName, labels, internal: false });
      const apiPort = await freeLoopbackPort();
      const node: ContainerSpec = {
        ...spec("node", netName),
        securityOpt: ["seccomp=unconfined"],
        init: false,
        tty: true,
        tmpfs: { "/run": "", "/tmp": "" },
        volumes: ["/var"],
        binds: [{ hostPath: "/lib/modules", containerPath: "/lib/modules", readOnly: true }],
        cgroupnsMode: "private",
        ports: [
          { containerPort: 6443, hostIp: "127.0.0.1", hostPort: apiPort },
          { containerPort: 8053, protocol: "udp", hostIp: "127.0.0.1" },
        ],
        restartPolicy: { name: "on-failure", maximumRetryCount: 1 },
        stopSignal: "SIGRTMIN+3",
      };
      const created = await runtime.createContainer(node);
      const hc = created.hostConfig;
      assert.deepEqual([hc.tty, hc.init, hc.cgroupnsMode, hc.stopSignal], [true, false, "private", "SIGRTMIN+3"]);
      assert.deepEqual(hc.tmpfs, { "/run": "", "/tmp": "" });
      assert.deepEqual(hc.restartPolicy, { name: "on-failure", maximumRetryCount: 1 });
      assert.deepEqual(hc.securityOpt, ["seccomp=unconfined"]);
      const byDest = Object.fromEntries(created.mounts.map((m) => [m.destination, m]));
      assert.deepEqual(Object.keys(byDest).sort(), ["/lib/modules", "/var"]);
      assert.deepEqual(byDest["/lib/modules"], { type: "bind", source: "/lib/modules", destination: "/lib/modules", readOnly: true });
      const volume = byDest["/var"]!;
      assert.deepEqual([volume.type, volume.readOnly], ["volume", false]);
      assert.match(volume.source, /^\w{64}$/, "an anonymous volume has a generated 64-character name");
      assert.equal(await volumeExists(volume.source), true);
      const sortPorts = <T extends { containerPort: number }>(ps: T[]) => [...ps].sort((a, b) => a.containerPort - b.containerPort);
      assert.deepEqual(sortPorts(created.ports), [
        { containerPort: 6443, protocol: "tcp", hostIp: "127.0.0.1", hostPort: apiPort },
        { containerPort: 8053, protocol: "udp", hostIp: "127.0.0.1", hostPort: 0 },
      ]);

      await runtime.startContainer(created.id);
      const running = await runtime.inspectContainer(created.id);
      const [api, dns] = sortPorts(running?.ports ?? []);
      assert.deepEqual(api, { containerPort: 6443, protocol: "tcp", hostIp: "127.0.0.1", hostPort: apiPort });
      assert.ok(dns && dns.hostPort > 0, "a port published without a host port gets one when the container starts");

      await runtime.removeContainer(created.id);
      assert.equal(await runtime.inspectContainer(created.id), null);
      assert.equal(await volumeExists(volume.source), false, "removal takes the anonymous volume along");
      await runtime.removeNetwork(netName);
    });

    it("rejects a relative bind path instead of creating a named volume", async () => {
      const netName = `praxis-contract-${run}-n5`;
      await runtime.createNetwork({ name: netName, labels, internal: true });
      const bad: ContainerSpec = { ...spec("bad", netName), binds: [{ hostPath: "modules", containerPath: "/lib/modules" }] };
      await assert.rejects(runtime.createContainer(bad), (e) => isRuntimeError(e, "failed") && /binds\.hostPath/.test(e.message));
      assert.equal(await runtime.inspectContainer(bad.name), null);
      await runtime.removeNetwork(netName);
    });
  });
}
