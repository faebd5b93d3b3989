import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, parseRunnerApiConfig } from "./config";
import { loadOrCreateTicketSecret } from "./ticket-secret";

const token = "t".repeat(32);

describe("parseRunnerApiConfig", () => {
  it("parses a minimal environment with safe defaults", () => {
    const c = parseRunnerApiConfig({ PRAXIS_RUNNER_TOKEN: token, PRAXIS_ALLOWED_ORIGINS: "https://labs.example.com, http://localhost:3000" });
    assert.deepEqual({ ...c }, {
      host: "127.0.0.1",
      port: 4100,
      dataDir: "data",
      apiToken: token,
      ticketSecret: undefined,
      allowedOrigins: ["https://labs.example.com", "http://localhost:3000"],
    });
    assert.ok(Object.isFrozen(c));
  });

  it("lists every problem at once and has no default token", () => {
    assert.throws(
      () => parseRunnerApiConfig({ PRAXIS_TICKET_SECRET: "c2hvcnQ=", PRAXIS_ALLOWED_ORIGINS: "https://x.test/app", PRAXIS_RUNNER_PORT: "99999" }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 4 && /PRAXIS_RUNNER_TOKEN/.test(e.problems[0]!),
    );
  });
});

describe("loadOrCreateTicketSecret", () => {
  it("uses the configured secret, else generates one, persists it privately and reuses it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "praxis-secret-"));
    try {
      const configured = new Uint8Array(32).fill(9);
      assert.equal(await loadOrCreateTicketSecret(configured, dir), configured);
      const first = await loadOrCreateTicketSecret(undefined, join(dir, "data"));
      assert.equal(first.length, 32);
      assert.equal((await stat(join(dir, "data", "ticket-secret"))).mode & 0o777, 0o600);
      assert.deepEqual(await loadOrCreateTicketSecret(undefined, join(dir, "data")), first);
      assert.match(await readFile(join(dir, "data", "ticket-secret"), "utf8"), /^[A-Za-z0-9_-]{43}\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
