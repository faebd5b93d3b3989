/** Runner settings: defaults, and every problem (API part included) reported in one error. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError } from "../api/config";
import { parseRunnerSettings } from "./settings";

const OK = { PRAXIS_RUNNER_TOKEN: "k".repeat(32), PRAXIS_ALLOWED_ORIGINS: "http://localhost:3000" };

describe("parseRunnerSettings", () => {
  it("applies defaults and resolves the data dir against the repo root", () => {
    const s = parseRunnerSettings(OK, "/repo", ["/repo/content/labs"]);
    assert.equal(s.api.dataDir, "/repo/data");
    assert.equal(s.api.host, "127.0.0.1");
    assert.equal(s.runnerId, "runner");
    assert.equal(s.limits.maxSessions, 20);
    assert.equal(s.limits.idleTimeoutMs, 30 * 60_000);
    assert.equal(s.imagesDir, "/repo/images");
    assert.equal(s.dockerSocket, undefined);
    assert.equal(s.warmPool.size, 0);
    assert.ok(Object.isFrozen(s));
  });

  it("lists every problem at once", () => {
    const env = { PRAXIS_MAX_SESSIONS: "zero", DOCKER_HOST: "tcp://x:2375", PRAXIS_RUNNER_ID: "cli", PRAXIS_LOG_LEVEL: "loud", PRAXIS_WARM_POOL: "lab" };
    assert.throws(
      () => parseRunnerSettings(env, "/repo", []),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const text = err.problems.join("\n");
        for (const name of ["PRAXIS_RUNNER_TOKEN", "PRAXIS_ALLOWED_ORIGINS", "PRAXIS_MAX_SESSIONS", "DOCKER_HOST", "PRAXIS_RUNNER_ID", "PRAXIS_LOG_LEVEL", "PRAXIS_WARM_POOL"]) {
          assert.match(text, new RegExp(name));
        }
        return true;
      },
    );
  });

  it("reads the warm pool targets", () => {
    assert.deepEqual([...parseRunnerSettings({ ...OK, PRAXIS_WARM_POOL: "first-container=2" }, "/r", []).warmPool], [["first-container", 2]]);
  });

  it("takes the engine socket from DOCKER_HOST", () => {
    assert.equal(parseRunnerSettings({ ...OK, DOCKER_HOST: "unix:///run/d.sock" }, "/r", []).dockerSocket, "/run/d.sock");
  });
});
