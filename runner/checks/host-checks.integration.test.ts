/**
 * container, file and http checks on Docker: the in-host sh programs against real images (praxis/workstation
 * with curl, debian:bookworm-slim with only bash, praxis/hello-web as a web server running as nobody with
 * every capability dropped), each kind passing and failing with the exact message a learner would see.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ContainerSpec } from "../docker/runtime";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { runContainerCheck } from "./container-check";
import { runFileCheck } from "./file-check";
import { runHttpCheck } from "./http-check";
import type { ContainerCheckRequest, FileCheckRequest, HttpCheckRequest } from "./request";

const rt = new DockerodeRuntime();
const net = `praxis-it-hostchecks-${process.pid}`;
const ids: Record<string, string> = {};
const timing = { timeoutMs: 3000, intervalMs: 500 };

function spec(host: string, image: string, extra: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    name: `${net}-${host}`, image, hostname: host, labels: { "praxis.test": net }, env: { APP_ENV: "dev" },
    network: { name: net, aliases: [host] }, privileged: false, capAdd: ["CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER", "KILL"],
    capDrop: ["ALL"], securityOpt: [], resources: { nanoCpus: 1e9, memoryBytes: 128 * 1024 ** 2, pids: 128 }, init: true, ...extra,
  };
}

const file = (host: string, path: string, expect: Partial<FileCheckRequest["expect"]>): ReturnType<typeof runFileCheck> =>
  runFileCheck(rt, ids[host]!, { kind: "file", host, path, expect: { exists: true, contains: [], matches: [], ...expect }, ...timing });

const http = (host: string, url: string, expect: Partial<HttpCheckRequest["expect"]> = {}, timeoutMs = 2000) =>
  runHttpCheck(rt, ids[host]!, {
    kind: "http", host, request: { method: "GET", url, headers: {}, timeoutMs }, expect: { status: [], contains: [], matches: [], headers: {}, ...expect }, ...timing,
  });

const container = (host: string, subject: ContainerCheckRequest["subject"], expect: ContainerCheckRequest["expect"]) =>
  runContainerCheck(rt, ids[host]!, { kind: "container", host, subject, expect, ...timing });

describe("host checks on Docker", { timeout: 120_000 }, () => {
  before(async () => {
    await rt.createNetwork({ name: net, labels: { "praxis.test": net }, internal: true });
    const hosts: [string, ContainerSpec][] = [
      ["box", spec("box", "praxis/workstation:latest", { cmd: ["sleep", "infinity"] })],
      ["slim", spec("slim", "debian:bookworm-slim", { cmd: ["sleep", "infinity"] })],
      ["web", spec("web", "praxis/hello-web:latest", { capAdd: [], init: false, securityOpt: ["no-new-privileges:true"] })],
    ];
    for (const [host, s] of hosts) {
      ids[host] = (await rt.createContainer(s)).id;
      await rt.startContainer(ids[host]!);
    }
    const yaml = new TextEncoder().encode("server:\n  port: 80\n  hosts: [a, b]\n");
    await rt.copyFiles(ids.box!, [{ path: "/etc/app.yaml", content: yaml, mode: 0o640, uid: 0, gid: 0 }]);
    // A stand-in for the Docker CLI: the nested-container path is the same sh, whatever answers `docker inspect`.
    const inspect = JSON.stringify([{ Id: "abc123", State: { Running: true, Pid: 0 }, Config: { Image: "nginx:1.27", User: "101", Env: ["A=1"] }, HostConfig: { ReadonlyRootfs: false, Privileged: false, CapDrop: ["ALL"], CapAdd: ["NET_BIND_SERVICE"] } }]);
    const fakeDocker = `#!/bin/sh\nfor a; do name=$a; done\n[ "$name" = app ] || { echo "Error: No such container: $name" >&2; exit 1; }\ncase "$4" in -f) echo "0 abc123";; *) printf '%s\\n' '${inspect}';; esac\n`;
    await rt.copyFiles(ids.box!, [{ path: "/usr/local/bin/docker", content: new TextEncoder().encode(fakeDocker), mode: 0o755 }]);
    await rt.exec(ids.box!, { cmd: ["sh", "-c", "nohup sleep 600 >/dev/null 2>&1 &"] });
  });

  after(async () => {
    for (const id of Object.values(ids)) await rt.removeContainer(id);
    await rt.removeNetwork(net);
  });

  it("file: passes on a partial YAML match, mode and owner; says which field differs", async () => {
    const good = await file("box", "/etc/app.yaml", { mode: 0o640, owner: { user: "root", group: "root" }, parsed: { format: "yaml", partial: { server: { hosts: ["b"] } } } });
    assert.deepEqual([good.passed, good.message], [true, ""]);
    const bad = await file("box", "/etc/app.yaml", { parsed: { format: "yaml", partial: { server: { port: 8080 } } }, mode: 0o644 });
    assert.deepEqual([bad.passed, bad.message], [false, "/etc/app.yaml: mode: expected 0644, got 0640; server.port: expected 8080, got 80"]);
    assert.ok(bad.durationMs >= 2500 && bad.durationMs < 6000, `retried until the timeout: ${bad.durationMs} ms`);
  });

  it("file: absence, and a missing file", async () => {
    assert.equal((await file("slim", "/tmp/nothing-here", { exists: false })).passed, true);
    assert.equal((await file("slim", "/tmp/nothing-here", { contains: ["x"] })).message, "/tmp/nothing-here does not exist");
    assert.equal((await file("slim", "/etc", { exists: false })).message, "/etc should not exist, but it does (a directory)");
  });

  it("file: passes as soon as the learner's change lands", async () => {
    setTimeout(() => void rt.exec(ids.slim!, { cmd: ["sh", "-c", "echo 'listen 8080' > /tmp/late.conf"] }), 800);
    const result = await file("slim", "/tmp/late.conf", { contains: ["listen 8080"] });
    assert.equal(result.passed, true, result.message);
  });

  it("http with curl: status and body, and a 404 with a glimpse of the body", async () => {
    const ok = await http("box", "http://web:8080/", { status: [200], contains: ["/cgi-bin/hello"] });
    assert.deepEqual([ok.passed, ok.message], [true, ""]);
    const missing = await http("box", "http://web:8080/nope", { status: [200] });
    assert.equal(missing.passed, false);
    assert.match(missing.message, /^GET http:\/\/web:8080\/nope: expected status 200, got 404 \(body: ".*404.*"\)$/);
  });

  it("http with bash /dev/tcp when the image has no curl", async () => {
    const ok = await http("slim", "http://web:8080/", { contains: ["/cgi-bin/hello"], headers: { "content-type": "text/html" } });
    assert.deepEqual([ok.passed, ok.message], [true, ""]);
    const refused = await http("slim", "http://web:9999/");
    assert.deepEqual([refused.passed, refused.message], [false, "GET http://web:9999/: Connection refused"]);
  });

  it("http: a POST with headers and a body, from curl and from bash", async () => {
    for (const host of ["box", "slim"]) {
      const result = await runHttpCheck(rt, ids[host]!, {
        kind: "http", host,
        request: { method: "POST", url: "http://web:8080/cgi-bin/hello", headers: { "Content-Type": "text/plain", "X-Quote": "it's" }, body: "a 'quoted' body\n", timeoutMs: 2000 },
        expect: { status: [200], contains: ["Hello from Praxis"], matches: [], headers: {} }, ...timing,
      });
      assert.deepEqual([host, result.passed, result.message], [host, true, ""]);
    }
  });

  it("http: a server that never answers costs the request timeout, not more", async () => {
    const started = Date.now();
    // 10.255.255.1 on an internal network: the connection attempt just hangs.
    const hung = await http("box", "http://10.255.255.1:81/", {}, 1000);
    assert.equal(hung.passed, false);
    assert.equal(hung.message, "GET http://10.255.255.1:81/: no answer within 1s");
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
  });

  it("container: the host itself, read from /proc and the runtime", async () => {
    const locked = await container("web", { kind: "host" }, { user: "65534", runAsNonRoot: true, noNewPrivileges: true, capabilities: { add: [], drop: ["ALL"] }, image: "praxis/hello-web" });
    assert.deepEqual([locked.passed, locked.message], [true, ""]);
    const wrong = await container("web", { kind: "host" }, { user: "0", readOnlyRootfs: true, privileged: true, env: { MESSAGE: "Bye" } });
    assert.equal(wrong.message, 'host web: user: expected 0, got 65534 (nobody); readOnlyRootfs: expected true, got false; privileged: expected true, got false; env.MESSAGE: expected "Bye", got "Hello from Praxis"');
  });

  it("container: a named process, and one that is not running", async () => {
    const sleeper = await container("box", { kind: "process", name: "sleep" }, { runAsNonRoot: true, capabilities: { add: ["CHOWN"], drop: ["NET_RAW"] } });
    assert.equal(sleeper.message, "process sleep on host box: runAsNonRoot: expected a non-root user, got 0 (root)");
    const none = await container("box", { kind: "process", name: "nginx" }, { user: "nginx" });
    assert.equal(none.message, "process nginx on host box: no process named nginx is running");
  });

  it("container: a container inside the host, through the docker command there", async () => {
    const app = await container("box", { kind: "container", name: "app" }, { running: true, user: "101", capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, env: { A: "1" } });
    assert.deepEqual([app.passed, app.message], [true, ""]);
    const strict = await container("box", { kind: "container", name: "app" }, { readOnlyRootfs: true, image: "nginx:1.25" });
    assert.equal(strict.message, "container app on host box: image: expected nginx:1.25, got nginx:1.27; readOnlyRootfs: expected true, got false");
    assert.equal((await container("box", { kind: "container", name: "db" }, { running: true })).message, "container db on host box: does not exist");
    assert.equal((await container("slim", { kind: "container", name: "app" }, { running: true })).message, "container app on host slim: cannot be inspected: there is no docker command in host slim");
  });
});
