/**
 * `praxis env shell` for real (needs dockerd and praxis/workstation): the CLI is spawned as a user
 * would run it, with piped stdin instead of a terminal. Commands run in the host's shell and their
 * output comes back; `exit` ends the command with the shell's status; input that just ends detaches
 * and leaves the shell running in tmux, so the next `env shell` finds its state.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runPraxis, type PraxisRun } from "./testing/run-praxis";

/** The shell's text without terminal control sequences (tmux redraws, colours, bracketed paste). */
const plain = (s: string) => s.replace(/\x1b\[[0-9;?>=]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]/g, "");

async function praxis(args: string[], stdin = ""): Promise<PraxisRun> {
  const run = await runPraxis(args, { stdin });
  return { ...run, stdout: plain(run.stdout) };
}

describe("praxis env shell (integration)", { timeout: 240_000 }, () => {
  let id = "";
  before(async () => {
    const up = await praxis(["env", "up", "first-container", "--json", "--ttl", "10"]);
    assert.equal(up.code, 0, up.stderr);
    id = (JSON.parse(up.stdout) as { id: string }).id;
  });
  after(async () => {
    if (id) await praxis(["env", "down", id]);
  });

  it("runs piped commands in the host's shell and ends with exit", async () => {
    const r = await praxis(["env", "shell", id], "echo marker-$((6*7)); hostname\nexit 0\n");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^marker-42\r?$/m);
    assert.match(r.stdout, /^workstation\r?$/m);
  });

  it("detaches when the input ends, keeping the shell for the next attach", async () => {
    const first = await praxis(["env", "shell", id, "--terminal", "keep"], "export KEEP=kept-$((1+1))\n");
    assert.equal(first.code, 0, first.stderr);
    const second = await praxis(["env", "shell", id, "--terminal", "keep"], "echo again=$KEEP\nexit\n");
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^again=kept-2\r?$/m);
  });

  it("says which environment does not exist", async () => {
    const r = await praxis(["env", "shell", "nosuchenv"], "");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no environment nosuchenv/);
  });
});
