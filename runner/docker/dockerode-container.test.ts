/**
 * The ContainerSpec -> Engine API mapping, checked without a daemon: a spec without node settings
 * must produce the same request as before they existed, and each node setting lands in its field.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toCreateOptions } from "./dockerode-container";
import type { ContainerSpec } from "./runtime";

const base: ContainerSpec = {
  name: "n", image: "img", hostname: "n", labels: {}, env: { A: "1" }, network: { name: "net", aliases: [] },
  privileged: true, capAdd: [], capDrop: [], securityOpt: ["seccomp=unconfined", "apparmor=unconfined"],
  resources: { nanoCpus: 1, memoryBytes: 2, pids: 3 }, init: false,
};

describe("toCreateOptions", () => {
  it("sends none of the node fields when the spec leaves them out", () => {
    const o = toCreateOptions(base);
    for (const key of ["Tty", "Volumes", "ExposedPorts", "StopSignal"]) assert.equal(key in o, false, key);
    for (const key of ["Tmpfs", "Binds", "CgroupnsMode", "RestartPolicy", "PortBindings"]) assert.equal(key in o.HostConfig!, false, key);
    assert.deepEqual([o.HostConfig!.Privileged, o.HostConfig!.Init], [true, false]);
  });

  it("maps every node setting onto its Engine API field", () => {
    const o = toCreateOptions({
      ...base,
      tty: true,
      tmpfs: { "/run": "", "/tmp": "" },
      volumes: ["/var"],
      binds: [{ hostPath: "/lib/modules", containerPath: "/lib/modules", readOnly: true }, { hostPath: "/a", containerPath: "/b" }],
      cgroupnsMode: "private",
      ports: [{ containerPort: 6443, hostIp: "127.0.0.1", hostPort: 40001 }, { containerPort: 53, protocol: "udp" }],
      restartPolicy: { name: "on-failure", maximumRetryCount: 1 },
      stopSignal: "SIGRTMIN+3",
    });
    const hc = o.HostConfig as Record<string, unknown>;
    assert.equal(o.Tty, true);
    assert.deepEqual(o.Volumes, { "/var": {} });
    assert.deepEqual(o.ExposedPorts, { "6443/tcp": {}, "53/udp": {} });
    assert.equal(o.StopSignal, "SIGRTMIN+3");
    assert.deepEqual(hc.Tmpfs, { "/run": "", "/tmp": "" });
    assert.deepEqual(hc.Binds, ["/lib/modules:/lib/modules:ro", "/a:/b"]);
    assert.equal(hc.CgroupnsMode, "private");
    assert.deepEqual(hc.PortBindings, {
      "6443/tcp": [{ HostIp: "127.0.0.1", HostPort: "40001" }],
      "53/udp": [{ HostIp: "", HostPort: "" }],
    });
    assert.deepEqual(hc.RestartPolicy, { Name: "on-failure", MaximumRetryCount: 1 });
    assert.deepEqual(hc.SecurityOpt, ["seccomp=unconfined", "apparmor=unconfined"]);
  });
});
