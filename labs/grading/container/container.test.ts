/**
 * Container checks, pure part: capability sets from /proc and from docker inspect, the combined state,
 * and the messages for every expectation.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ContainerExpectation } from "../../format/types-host-checks";
import { decodeCapabilitySet, dockerCapabilities } from "./capabilities";
import { containerProblems } from "./evaluate";
import { normaliseImage } from "./image";
import { containerState } from "./observe";
import { judgeContainer, parseContainerReport } from "./report";

const status = (uid: number, capBnd: string, noNewPrivs = 0) =>
  `Name:\tnginx\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t0\t0\t0\t0\nCapEff:\t0000000000000000\nCapBnd:\t${capBnd}\nNoNewPrivs:\t${noNewPrivs}\nSeccomp:\t2\n`;

const inspect = (overrides: { user?: string; readOnly?: boolean; capAdd?: string[]; capDrop?: string[]; privileged?: boolean; secOpt?: string[]; running?: boolean } = {}) =>
  JSON.stringify([
    {
      State: { Running: overrides.running ?? true, Pid: 4242 },
      Config: { Image: "nginx:1.27", User: overrides.user ?? "", Env: ["PATH=/usr/bin", "APP_ENV=dev"] },
      HostConfig: {
        ReadonlyRootfs: overrides.readOnly ?? false,
        Privileged: overrides.privileged ?? false,
        SecurityOpt: overrides.secOpt ?? null,
        CapAdd: overrides.capAdd ?? null,
        CapDrop: overrides.capDrop ?? null,
      },
    },
  ]);

describe("capabilities", () => {
  it("decodes a bounding set from /proc (Docker's default set is 0xa80425fb)", () => {
    assert.deepEqual(decodeCapabilitySet("00000000a80425fb")?.sort(), [
      "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
      "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]);
    assert.deepEqual(decodeCapabilitySet("0000000000000400"), ["NET_BIND_SERVICE"]);
    assert.equal(decodeCapabilitySet("zz"), undefined);
  });

  it("works out Docker's set from --cap-add/--cap-drop, in any spelling", () => {
    assert.deepEqual(dockerCapabilities(["cap_net_bind_service"], ["all"], false), ["NET_BIND_SERVICE"]);
    assert.ok(!dockerCapabilities([], ["NET_RAW", "CAP_MKNOD"], false).some((c) => c === "NET_RAW" || c === "MKNOD"));
    assert.equal(dockerCapabilities([], [], true).length, 41);
  });
});

describe("containerState", () => {
  it("takes configuration from docker inspect", () => {
    const state = containerState({ inspect: inspect({ user: "1000:1000", readOnly: true, capDrop: ["ALL"], capAdd: ["NET_BIND_SERVICE"], secOpt: ["no-new-privileges:true"] }) });
    assert.deepEqual(state, {
      running: true,
      image: "nginx:1.27",
      uid: 1000,
      readOnlyRootfs: true,
      privileged: false,
      noNewPrivileges: true,
      capabilities: ["NET_BIND_SERVICE"],
      env: { PATH: "/usr/bin", APP_ENV: "dev" },
    });
  });

  it("lets the running process override the configuration, and names its user from passwd", () => {
    const state = containerState({
      inspect: inspect(),
      status: status(101, "0000000000000400", 1),
      mounts: "proc /proc proc rw 0 0\noverlay / overlay ro,relatime,lowerdir=/x 0 0\n",
      environ: "APP_ENV=production\0HOME=/\0",
      passwd: "root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101::/nonexistent:/bin/false\n",
    });
    assert.deepEqual(
      [state.uid, state.userName, state.capabilities, state.noNewPrivileges, state.readOnlyRootfs, state.env],
      [101, "nginx", ["NET_BIND_SERVICE"], true, true, { APP_ENV: "production", HOME: "/" }],
    );
  });

  it("uses the runtime's view of a host for image and privileged", () => {
    const state = containerState({ host: { image: "praxis/workstation:latest", privileged: false }, status: status(0, "00000000a80425fb") });
    assert.deepEqual([state.running, state.image, state.privileged, state.uid, state.userName], [true, "praxis/workstation:latest", false, 0, "root"]);
  });
});

describe("containerProblems", () => {
  const locked = containerState({ inspect: inspect({ user: "1000", readOnly: true, capDrop: ["ALL"], capAdd: ["NET_BIND_SERVICE"] }) });
  const loose = containerState({ inspect: inspect() });
  const expect: ContainerExpectation = { readOnlyRootfs: true, user: "1000", capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } };

  it("passes a container that meets every expectation", () => {
    assert.deepEqual(containerProblems(expect, locked), []);
    assert.deepEqual(containerProblems({ runAsNonRoot: true, image: "docker.io/library/nginx:1.27", env: { APP_ENV: "dev", DEBUG: null } }, locked), []);
  });

  it("names every setting that differs", () => {
    assert.deepEqual(containerProblems(expect, loose), [
      "user: expected 1000, got 0 (root)",
      "readOnlyRootfs: expected true, got false",
      "capabilities: expected only NET_BIND_SERVICE, also has AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT",
    ]);
    assert.deepEqual(containerProblems({ capabilities: { add: ["NET_ADMIN"], drop: [] } }, loose), ["capabilities: missing NET_ADMIN"]);
    assert.deepEqual(containerProblems({ runAsNonRoot: true, image: "docker.io/library/nginx:1.27", env: { APP_ENV: "dev", DEBUG: null } }, locked), []);
  });

  it("names every setting that differs", () => {
    assert.deepEqual(containerProblems(expect, loose), [
      "user: expected 1000, got 0 (root)",
      "readOnlyRootfs: expected true, got false",
      "capabilities: missing NET_BIND_SERVICE",
      "capabilities: expected only NET_BIND_SERVICE, also has AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT".replace("NET_BIND_SERVICE, also has", "NET_BIND_SERVICE, also has"),
    ].slice(0, 2).concat([
      "capabilities: expected only NET_BIND_SERVICE, also has AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT",
    ]));
    assert.deepEqual(containerProblems({ runAsNonRoot: true, capabilities: { add: [], drop: ["NET_RAW"] }, env: { APP_ENV: "production" }, image: "nginx:1.25" }, loose), [
      "image: expected nginx:1.25, got nginx:1.27",
      "runAsNonRoot: expected a non-root user, got 0 (root)",
      "capabilities: NET_RAW should be dropped",
      'env.APP_ENV: expected "production", got "dev"',
    ]);
  });

  it("says when a value could not be read instead of guessing", () => {
    assert.deepEqual(containerProblems({ readOnlyRootfs: true, user: "nginx" }, { uid: 101 }), [
      "user: expected nginx, got 101 (its name could not be read)",
      "readOnlyRootfs: could not be read",
    ]);
  });
});

describe("container reports", () => {
  it("grades a report and names the subject first", () => {
    const report = parseContainerReport(`@@praxis:inspect@@\n${inspect({ running: false })}\n`);
    assert.deepEqual(judgeContainer("container app on host box", { running: true }, report), {
      passed: false,
      message: "container app on host box: running: expected true, got false",
    });
    const missing = parseContainerReport("@@praxis:missing@@\nno process named nginx\n");
    assert.deepEqual(judgeContainer("process nginx on host box", { user: "0" }, missing), { passed: false, message: "process nginx on host box: no process named nginx" });
  });

  it("normalises image references like Docker", () => {
    assert.equal(normaliseImage("nginx"), "docker.io/library/nginx:latest");
    assert.equal(normaliseImage("bitnami/redis:7"), "docker.io/bitnami/redis:7");
    assert.equal(normaliseImage("localhost:5000/app"), "localhost:5000/app:latest");
    assert.equal(normaliseImage("ghcr.io/x/y@sha256:ab"), "ghcr.io/x/y@sha256:ab");
  });
});
