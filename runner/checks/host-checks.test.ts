/**
 * The runner side of container, file and http checks on the fake runtime: what the in-host programs are
 * given (quoting, methods, bodies), that the runtime's view of the host is used, that attempts repeat until
 * the check holds, and that an exec which never returns cannot hold a check past its deadline.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime, type FakeExecHandler } from "../docker/fake-runtime";
import { runContainerCheck } from "./container-check";
import { executeCheck } from "./execute";
import { httpProgram, runHttpCheck } from "./http-check";
import type { CheckRequest } from "./request";
import { shellQuote } from "./shell";

async function host(handler: FakeExecHandler) {
  const rt = new FakeRuntime({ images: ["praxis/workstation"] });
  rt.onExec(handler);
  await rt.createNetwork({ name: "n", labels: {}, internal: true });
  const c = await rt.createContainer({
    name: "box", image: "praxis/workstation", hostname: "box", labels: {}, env: {}, network: { name: "n", aliases: [] }, privileged: false,
    capAdd: [], capDrop: [], securityOpt: [], resources: { nanoCpus: 1, memoryBytes: 1, pids: 1 }, init: false,
  });
  await rt.startContainer(c.id);
  const run = (request: CheckRequest) => executeCheck({ runtime: rt, clusterChecks: undefined as never }, { sessionId: "s", hostContainer: () => c.id }, request);
  return { rt, id: c.id, run };
}

describe("host checks on the fake runtime", () => {
  it("file: quotes the path and retries until the file appears", async () => {
    const programs: string[] = [];
    const { run } = await host(({ stdin }) => {
      programs.push(stdin);
      return { stdout: programs.length < 3 ? "\n@@praxis:stat@@\nabsent\n" : "\n@@praxis:stat@@\nregular file|644|0|0|root|root|3\n" };
    });
    const result = await run({ kind: "file", host: "box", path: "/tmp/it's here", expect: { exists: true, contains: [], matches: [] }, timeoutMs: 2000, intervalMs: 10 });
    assert.deepEqual([result.passed, programs.length], [true, 3]);
    assert.ok(programs[0]!.includes(`p='/tmp/it'\\''s here'`));
    assert.ok(!programs[0]!.includes("section content"), "no content read when nothing needs it");
  });

  it("http: sends the method, headers and body, and reads curl's answer", async () => {
    let program = "";
    const { run } = await host(({ stdin }) => {
      program = stdin;
      return { stdout: '\n@@praxis:tool@@\ncurl\n@@praxis:response@@\nHTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n{"id": 7, "name": "a"}' };
    });
    const request = { method: "POST", url: "http://api:8080/items", headers: { "Content-Type": "application/json" }, body: `{"name": "it's"}`, timeoutMs: 2000 };
    const result = await run({ kind: "http", host: "box", request, expect: { status: [201], contains: [], matches: [], json: { partial: { id: 7 } }, headers: {} }, timeoutMs: 1000, intervalMs: 10 });
    assert.deepEqual([result.passed, result.message], [true, ""]);
    assert.ok(program.includes(`printf '%s' ${shellQuote(`{"name": "it's"}`)} > "$f"`));
    assert.ok(program.includes(`-X 'POST' -H 'Content-Type: application/json' --data-binary @"$f"`));
  });

  it("http: the /dev/tcp fallback speaks HTTP/1.0 with a Content-Length; https needs curl or wget", () => {
    const plain = httpProgram({ method: "PUT", url: "http://web:81/a?b=1", headers: {}, body: "é", timeoutMs: 1000 });
    assert.ok(plain.includes("'PUT /a?b=1 HTTP/1.0\r\nHost: web:81\r\nUser-Agent: praxis-check\r\nConnection: close\r\nContent-Length: 2\r\n\r\né'"));
    const secure = httpProgram({ method: "GET", url: "https://web/", headers: {}, timeoutMs: 1000 });
    assert.ok(!secure.includes("/dev/tcp") && secure.includes("neither curl nor GNU wget"));
  });

  it("container: the host's image and privileged come from the runtime", async () => {
    const status = "Uid:\t0\t0\t0\t0\nCapBnd:\t0000000000000000\nNoNewPrivs:\t0\n";
    const { rt, id } = await host(() => ({ stdout: `\n@@praxis:status@@\n${status}@@praxis:environ@@\nA=1\0` }));
    const request = { kind: "container" as const, host: "box", subject: { kind: "host" as const }, timeoutMs: 500, intervalMs: 10 };
    const ok = await runContainerCheck(rt, id, { ...request, expect: { image: "praxis/workstation:latest", privileged: false, capabilities: { add: [], drop: ["ALL"] } } });
    assert.deepEqual([ok.passed, ok.message], [true, ""]);
    const bad = await runContainerCheck(rt, id, { ...request, expect: { image: "nginx", noNewPrivileges: true } });
    assert.equal(bad.message, "host box: image: expected nginx, got praxis/workstation; noNewPrivileges: expected true, got false");
  });

  it("gives up on an exec that never returns, shortly after the check's timeout", async () => {
    const { rt, id } = await host(() => new Promise(() => {}));
    const started = Date.now();
    const result = await runHttpCheck(rt, id, {
      kind: "http", host: "box", request: { method: "GET", url: "http://web/", headers: {}, timeoutMs: 100 },
      expect: { status: [], contains: [], matches: [], headers: {} }, timeoutMs: 100, intervalMs: 10,
    });
    assert.deepEqual([result.passed, result.message], [false, "the check did not finish within 1s"]);
    assert.ok(Date.now() - started < 4500, `took ${Date.now() - started} ms`);
  });
});
