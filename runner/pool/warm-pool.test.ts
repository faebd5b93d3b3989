/**
 * The warm pool on a real SessionManager over the in-memory runtime: fills to target, refills after a
 * claim, stops quietly at capacity, recycles members of an edited lab, and reports other failures.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec, type EnvironmentSpec } from "../environment/spec";
import { SessionManager } from "../sessions/manager";
import { parseWarmPool } from "./pool-config";
import { WarmPool } from "./warm-pool";

const MIN = 60_000;

function setup(maxSessions: number) {
  const rt = new FakeRuntime({ images: ["img"] });
  let current: EnvironmentSpec = resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img" }] });
  const errors: string[] = [];
  let pool!: WarmPool;
  const manager = new SessionManager({
    runtime: rt,
    runnerId: "r1",
    limits: { maxSessions, maxMemoryBytes: 64 * 1024 ** 3, timeLimitMs: 60 * MIN, idleTimeoutMs: 15 * MIN, maxLifetimeMs: 120 * MIN },
    onClaim: () => void pool.refill(),
  });
  pool = new WarmPool({
    manager,
    targets: new Map([["lab-a", 2], ["missing", 1]]),
    loadSpec: async (labId) => {
      if (labId === "missing") throw new Error("no valid lab missing");
      return labId === "lab-a" ? current : resolveSpec({ labId, hosts: [{ name: "box", image: "img" }] });
    },
    onError: (labId, err) => errors.push(`${labId}: ${String(err)}`),
  });
  const warm = () => manager.list().filter((s) => s.state === "warm").length;
  return { manager, pool, warm, errors, edit: (s: EnvironmentSpec) => (current = s), spec: () => current };
}

describe("WarmPool", () => {
  it("fills to target, refills after a claim, and reports labs it cannot load", async () => {
    const { manager, pool, warm, errors, spec } = setup(10);
    await pool.refill();
    assert.equal(warm(), 2);
    assert.deepEqual(errors, ["missing: Error: no valid lab missing"]);
    const started = await manager.start(spec());
    assert.equal(started.claimed, true);
    await pool.refill(); // joins the refill the claim triggered
    assert.equal(warm(), 2);
    assert.equal(manager.list().filter((s) => s.state === "ready").length, 1);
  });

  it("stops at capacity without complaint and recycles members of an edited lab", async () => {
    const { manager, pool, warm, errors, edit } = setup(1);
    await pool.refill();
    assert.equal(warm(), 1);
    assert.equal(errors.filter((e) => e.startsWith("lab-a")).length, 0);
    const old = manager.list()[0]!;
    edit(resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img", env: { V: "2" } }] }));
    await pool.refill();
    assert.equal(manager.get(old.id).state, "stopped");
    assert.equal(warm(), 1);
  });
});

describe("parseWarmPool", () => {
  it("reads lab=count pairs and lists every bad entry", () => {
    assert.deepEqual([...parseWarmPool("first-container=2, other=0,k8s=1").targets], [["first-container", 2], ["k8s", 1]]);
    assert.deepEqual(parseWarmPool(undefined), { targets: new Map(), problems: [] });
    const { problems } = parseWarmPool("x,y=2=3,z=99");
    assert.equal(problems.length, 3);
    assert.match(problems[0]!, /PRAXIS_WARM_POOL: "x" is not <lab-id>=<count>/);
  });
});

describe("WarmPool runtime targets", () => {
  it("fills to a runtime target above the static one, and trims back when it is lowered or removed", async () => {
    const { manager, pool, warm } = setup(10);
    await pool.setTargets(new Map([["lab-a", 5]]));
    assert.equal(warm(), 5);
    assert.deepEqual(pool.targets().effective, { "lab-a": 5, missing: 1 });
    const started = await manager.start(resolveSpec({ labId: "lab-a", hosts: [{ name: "box", image: "img" }] }));
    assert.equal(started.claimed, true);
    await pool.refill();
    assert.equal(warm(), 5, "a claim is refilled");
    await pool.setTargets(new Map());
    assert.equal(warm(), 2, "back to the static target");
    assert.equal(manager.list().filter((s) => s.state === "ready").length, 1, "the learner's claimed session is untouched");
    assert.deepEqual(pool.targets().runtime, {});
  });

  it("empties a lab that only had a runtime target once it is removed", async () => {
    const { manager, pool } = setup(10);
    await pool.setTargets(new Map([["lab-b", 3]]));
    assert.equal(manager.poolMembers("lab-b").length, 3);
    await pool.setTargets(new Map([["lab-b", 0]]));
    assert.equal(manager.poolMembers("lab-b").length, 0);
    assert.equal(manager.capacity().byState.warm, 2, "lab-a keeps its static members");
  });
});
