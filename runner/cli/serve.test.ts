/** `praxis serve` hands the lab directories (resolved against the cwd) and port to `npm start`. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CliIo } from "../../labs/cli/command";
import { serveCommand } from "./serve";

describe("praxis serve", () => {
  it("starts with PRAXIS_LABS_DIRS set from the arguments", async () => {
    const seen: Record<string, string | undefined>[] = [];
    const cmd = serveCommand({ runStart: async (env) => (seen.push(env), 0) });
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: "/work/labs", env: { KEEP: "1" }, repoRoot: "/repo" };
    assert.equal(await cmd.run(["a", "/abs/b", "--port", "4000"], io), 0);
    assert.equal(seen[0]?.PRAXIS_LABS_DIRS, "/work/labs/a:/abs/b");
    assert.equal(seen[0]?.PORT, "4000");
    assert.equal(seen[0]?.KEEP, "1");
  });

  it("keeps PRAXIS_LABS_DIRS when no directory is given, and rejects a bad port", async () => {
    const seen: Record<string, string | undefined>[] = [];
    const cmd = serveCommand({ runStart: async (env) => (seen.push(env), 0) });
    const err: string[] = [];
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: "/", env: { PRAXIS_LABS_DIRS: "/x" }, repoRoot: "/repo" };
    assert.equal(await cmd.run([], io), 0);
    assert.equal(seen[0]?.PRAXIS_LABS_DIRS, "/x");
    assert.equal(await cmd.run(["--port", "web"], io), 2);
    assert.match(err.join(""), /--port must be a port number/);
  });
});
