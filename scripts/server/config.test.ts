import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStartConfig, StartConfigError } from "./config";

describe("npm start configuration", () => {
  it("starts with no variables at all: loopback, port 3000, ./data, no trusted proxies", () => {
    const c = parseStartConfig({}, "/repo");
    assert.deepEqual([c.host, c.port, c.dataDir, c.trustedProxies.size, c.remoteRunner], ["127.0.0.1", 3000, "/repo/data", 0, undefined]);
  });

  it("lists every problem at once", () => {
    assert.throws(
      () => parseStartConfig({ PORT: "http", PRAXIS_TRUSTED_PROXIES: "10.0.0.2,gateway", PRAXIS_RUNNER_URL: "http://runner:4100" }, "/repo"),
      (e: unknown) => e instanceof StartConfigError && e.problems.length === 3 && /"gateway" is not an IP address/.test(e.message),
    );
  });

  it("reads the trusted proxies", () => {
    assert.deepEqual([...parseStartConfig({ PRAXIS_TRUSTED_PROXIES: "10.0.0.2, ::1" }, "/repo").trustedProxies], ["10.0.0.2", "::1"]);
  });
});
