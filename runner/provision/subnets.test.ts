import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { createBridgeNetwork, randomSubnet } from "./subnets";

describe("session networks past Docker's default address pools", () => {
  it("picks /26 subnets of 10.213.0.0/16", () => {
    assert.equal(randomSubnet(() => 0), "10.213.0.0/26");
    assert.equal(randomSubnet(() => 0.9999), "10.213.255.192/26");
    assert.equal(randomSubnet(() => 5 / 1024), "10.213.1.64/26");
  });

  it("uses the engine's pools while they last, then its own subnets, retrying on overlap", async () => {
    const rt = new FakeRuntime({ addressPools: 1 });
    const spec = (name: string) => ({ name, labels: {}, internal: true });
    await createBridgeNetwork(rt, spec("a"));
    const picks = [0.5, 0.5, 0.25]; // the second pick overlaps the first, the third is free
    await createBridgeNetwork(rt, spec("b"), () => picks.shift()!);
    await createBridgeNetwork(rt, spec("c"), () => picks.shift()!);
    assert.deepEqual((await rt.listNetworks({})).map((n) => n.name), ["a", "b", "c"]);
    assert.deepEqual(picks, []);
  });

  it("gives up with the engine's own error when every pick overlaps", async () => {
    const rt = new FakeRuntime({ addressPools: 0 });
    await createBridgeNetwork(rt, { name: "a", labels: {}, internal: true }, () => 0);
    await assert.rejects(createBridgeNetwork(rt, { name: "b", labels: {}, internal: true }, () => 0), /non-overlapping IPv4 address pool/);
  });
});
