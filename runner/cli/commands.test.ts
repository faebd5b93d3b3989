/**
 * The env/images commands end to end against the fake runtime: state flows between separate
 * invocations only through labels, like real CLI runs.
 */
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { loadLab } from "../../labs/index";
import type { CliIo } from "../../labs/cli/command";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { envCommand, imagesCommand } from "./commands";
import type { CliDeps } from "./deps";

const repoRoot = resolve(import.meta.dirname, "../..");
/** Lab "first-container" gets its real host name (env check runs its real checks); others get a and b. */
const hostsOf = (lab: string) => (lab === "first-container" ? [{ name: "workstation", image: "img" }] : [{ name: "a", image: "img" }, { name: "b", image: "img" }]);

function harness() {
  const rt = new FakeRuntime({ images: ["img"] });
  rt.onExec((call) => (call.cmd[0] === "hostname" ? { stdout: `${call.container.labels["praxis.host"]}\n` } : undefined));
  let n = 0;
  const deps: CliDeps = {
    runtime: rt,
    imagesDir: "/nonexistent",
    loadLab: async () => {
      const { lab } = await loadLab(join(repoRoot, "content/labs/first-container"));
      return lab!;
    },
    loadSpec: async (lab) => resolveSpec({ labId: lab, hosts: hostsOf(lab) }),
    now: () => new Date("2026-01-01T00:00:00Z"),
    newId: () => `e${++n}`,
  };
  const env = envCommand(() => deps);
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: "/", env: {}, repoRoot: "/" };
    const code = await env.run(argv, io);
    return { code, out: out.join(""), err: err.join("") };
  };
  return { rt, run, deps };
}

describe("praxis env", () => {
  it("up, ls, exec and down work across invocations", async () => {
    const { rt, run } = harness();
    const up = await run("up", "hello", "--json");
    assert.equal(up.code, 0, up.err);
    const created = JSON.parse(up.out) as { id: string; expiresAt: string; hosts: unknown[] };
    assert.equal(created.id, "e1");
    assert.equal(created.expiresAt, "2026-01-01T02:00:00.000Z");
    assert.match(up.err, /✓ start-hosts/);

    const ls = await run("ls");
    assert.match(ls.out, /^ID\s+LAB\s+RUNNER\s+HOSTS\s+CLUSTER\s+EXPIRES\ne1\s+hello\s+cli\s+a,b\s+-\s+2026-01-01T02:00:00.000Z\n$/);

    assert.deepEqual(await run("exec", "e1", "--host", "b", "--", "hostname"), { code: 0, out: "b\n", err: "" });
    const ambiguous = await run("exec", "e1", "--", "hostname");
    assert.equal(ambiguous.code, 2);
    assert.match(ambiguous.err, /several hosts \(a, b\); pick one with --host/);
    assert.equal((await run("exec", "e1", "--host", "b", "--", "false")).code, 1);

    assert.equal((await run("down", "e1")).code, 0);
    assert.equal((await rt.listContainers({})).length + (await rt.listNetworks({})).length, 0);
    assert.equal((await run("down", "e1")).code, 1);
    assert.equal((await run("ls")).out, "no environments\n");
  });

  it("reports a failed provisioning in one line and leaves nothing", async () => {
    const { rt, run } = harness();
    rt.failNext("startContainer");
    const up = await run("up", "hello");
    assert.equal(up.code, 1);
    assert.match(up.err, /praxis env up: provisioning failed at start-hosts: injected failure in startContainer\n$/);
    assert.equal((await rt.listContainers({})).length, 0);
  });

  it("explains an unknown image name", async () => {
    const { deps } = harness();
    const err: string[] = [];
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: "/", env: {}, repoRoot: "/" };
    const code = await imagesCommand(() => ({ ...deps, imagesDir: new URL("../../images", import.meta.url).pathname })).run(["build", "nope"], io);
    assert.equal(code, 2);
    assert.match(err.join(""), /unknown image\(s\) nope; available: [a-z0-9, -]*\bworkstation\b/);
  });

  it("check runs the lab's checks in the environment and reports each with its message", async () => {
    const { rt, run } = harness();
    // Check scripts arrive on stdin; pass the one about PID 1, fail everything else with a FAIL: line.
    rt.onExec((call) => (call.cmd[0] === "timeout" ? (call.stdin.includes("pid1.txt") ? { exitCode: 0 } : { exitCode: 1, stdout: "FAIL: not yet\n" }) : undefined));
    const up = await run("up", "first-container");
    const id = up.out.trim();
    const one = await run("check", id, "--step", "processes", "--json");
    assert.equal(one.code, 1, one.err);
    const report = JSON.parse(one.out) as { passed: boolean; checks: { step: string; check: string; passed: boolean; message: string }[] };
    assert.equal(report.passed, false);
    assert.deepEqual(report.checks.map((c) => [c.step, c.passed, c.message]), [["processes", true, ""], ["processes", false, "not yet"]]);
    const text = await run("check", id, "--step", "processes");
    assert.match(text.out, /^✓ processes · PID 1 is named in \/root\/pid1.txt/m);
    assert.match(text.out, /^✗ processes · The worker's PID is in \/root\/worker-pid.txt .*\n {4}not yet$/m);
    const bad = await run("check", id, "--step", "nope");
    assert.equal(bad.code, 2);
    assert.match(bad.err, /has no step "nope" \(steps: processes, limits, filesystem\)/);
  });
});
