/**
 * The runner process killed outright (SIGKILL, no clean shutdown) and started again keeps the learner's
 * environment and the very same shell: the new process adopts the session from its Docker labels and the
 * terminal re-attaches to the tmux session inside the container. Real runner processes, real Docker.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { startRunnerChild, type RunnerChild } from "../../scripts/server/runner-child";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { LABEL } from "../docker/labels";
import { resolveSpec } from "../environment/spec";
import { RunnerHttpClient } from "../remote/client";
import { TerminalClient } from "../terminal/client";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://praxis.test";
const ESCAPES = /\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;

async function openShell(runner: RunnerChild, sessionId: string) {
  const client = new RunnerHttpClient({ baseUrl: runner.url, token: runner.token });
  const ticket = await client.mintTicket(sessionId, "workstation");
  const terminal = await TerminalClient.connect(`${runner.url.replace(/^http/, "ws")}${ticket.path}&cols=100&rows=30`, { origin: ORIGIN });
  let text = "";
  const decoder = new TextDecoder();
  terminal.onOutput((d) => (text += decoder.decode(d, { stream: true })));
  const waitFor = async (pattern: RegExp) => {
    const until = Date.now() + 15_000;
    while (!pattern.test(text.replace(ESCAPES, ""))) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; tail: ${JSON.stringify(text.slice(-300))}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { terminal, waitFor };
}

describe("runner restart (Docker)", { timeout: 240_000 }, () => {
  const runnerId = `restart-${randomBytes(3).toString("hex")}`;
  const runtime = new DockerodeRuntime();
  let dataDir = "";
  const running: RunnerChild[] = [];

  const start = async () => {
    dataDir ||= await mkdtemp(path.join(tmpdir(), "praxis-restart-"));
    const child = await startRunnerChild({
      node: process.execPath,
      repoRoot: REPO_ROOT,
      env: { ...process.env, PRAXIS_RUNNER_ID: runnerId, PRAXIS_LOG_LEVEL: "error", PRAXIS_WARM_POOL: "" },
      allowedOrigins: [ORIGIN],
      dataDir,
    });
    running.push(child);
    return child;
  };

  after(async () => {
    for (const child of running) await child.stop().catch(() => undefined);
    for (const c of await runtime.listContainers({ [LABEL.runner]: runnerId })) await runtime.removeContainer(c.id).catch(() => undefined);
    for (const n of await runtime.listNetworks({ [LABEL.runner]: runnerId })) await runtime.removeNetwork(n.id).catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps the session and the tmux shell when the runner is killed and started again", async () => {
    const first = await start();
    const api = new RunnerHttpClient({ baseUrl: first.url, token: first.token });
    const session = await api.createSession(resolveSpec({ labId: "restart-lab", hosts: [{ name: "workstation", image: "praxis/workstation" }] }));
    assert.equal(session.state, "ready");

    const before = await openShell(first, session.id);
    before.terminal.write("export PRAXIS_MARK=$((6*7)); cd /tmp\r");
    before.terminal.write("echo set-$PRAXIS_MARK\r");
    await before.waitFor(/\nset-42\r\n/);

    process.kill(first.pid, "SIGKILL");
    await first.exited;
    assert.equal((await runtime.listContainers({ [LABEL.session]: session.id })).length, 1, "the environment outlives its runner");

    const second = await start();
    const adopted = await new RunnerHttpClient({ baseUrl: second.url, token: second.token }).getSession(session.id);
    assert.equal(adopted.state, "ready");
    const after = await openShell(second, session.id);
    after.terminal.write("echo mark=$PRAXIS_MARK in $PWD\r");
    await after.waitFor(/mark=42 in \/tmp/);
    after.terminal.close();

    await new RunnerHttpClient({ baseUrl: second.url, token: second.token }).stopSession(session.id);
    assert.equal((await runtime.listContainers({ [LABEL.session]: session.id })).length, 0, "stop removes the environment");
  });
});
