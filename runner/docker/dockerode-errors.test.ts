import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRuntimeError } from "./dockerode-errors";

describe("toRuntimeError", () => {
  it("tells used-up default address pools (Docker answers 404) from a missing object", () => {
    const pools = toRuntimeError({ statusCode: 404, json: { message: "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network" } }, "create network n");
    assert.equal(pools.kind, "exhausted");
    assert.equal(toRuntimeError({ statusCode: 404, json: { message: "network n not found" } }, "inspect").kind, "not_found");
    assert.equal(toRuntimeError({ statusCode: 403, json: { message: "Pool overlaps with other one on this address space" } }, "create").kind, "conflict");
    assert.equal(toRuntimeError({ code: "ECONNREFUSED" }, "ping").kind, "unavailable");
  });
});
