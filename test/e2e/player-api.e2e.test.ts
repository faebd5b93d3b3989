/**
 * End-to-end over HTTP: the lab player's API (the PLAYER API contract) on the whole product as `npm start`
 * runs it (real Docker, scripts/start.ts, the embedded runner), with the fixture lab
 * test/fixtures/labs-services/web-service. A learner checks a step and fails with the check's message,
 * solves it in the environment and sees the step turn green by itself on the progress stream, opens the
 * next step (its setup runs), browses the host's web service through the proxy, continues on a "new
 * device" through the resume link, and finds the same progress after the product (runner included)
 * restarts. Another learner reaches neither the progress nor the service.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DockerodeRuntime } from "../../runner/docker/dockerode-runtime";
import { LABEL } from "../../runner/docker/labels";
import { SseParser } from "../../runner/remote/sse";
import { startProduct, type RunningProduct } from "./product";
import { REPO_ROOT } from "./server";
import { removeRunnerObjects } from "./browser";

const LAB = "web-service";
const LABS_DIR = path.join(REPO_ROOT, "test", "fixtures", "labs-services");

interface CheckView {
  name: string;
  passed: boolean;
  message: string;
  weight: number;
}
interface StepView {
  stepId: string;
  status: string;
  attempts: number;
  startedAt: string | null;
  lastCheck: { passed: boolean; checks: CheckView[] } | null;
}
interface Progress {
  sessionId: string;
  currentStepId: string | null;
  steps: StepView[];
  score: { earned: number; max: number };
}

/** A browser stand-in: fetch with its own cookie jar. */
class Learner {
  private cookies = new Map<string, string>();
  constructor(private readonly base: () => string) {}
  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.base()}${pathOrUrl}`;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(url, { redirect: "manual", ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = pair!.split("=");
      this.cookies.set(name!.trim(), value ?? "");
    }
    return res;
  }
  async json<T>(pathOrUrl: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const res = await this.fetch(pathOrUrl, init);
    return { status: res.status, body: (await res.json()) as T };
  }
  post<T>(p: string) {
    return this.json<T>(p, { method: "POST" });
  }
}

describe("lab player API (e2e)", { timeout: 300_000 }, () => {
  const runtime = new DockerodeRuntime();
  const runnerId = `e2e-player-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let dataDir = "";
  let sessionId = "";
  const base = () => product!.url;
  const learner = new Learner(base);
  const env = () => ({ PRAXIS_DATA_DIR: dataDir, PRAXIS_RUNNER_ID: runnerId, PRAXIS_LABS_DIRS: LABS_DIR });

  async function exec(command: string): Promise<string> {
    const [host] = await runtime.listContainers({ [LABEL.session]: sessionId, [LABEL.host]: "web" });
    assert.ok(host, "the session's web host exists");
    return (await runtime.exec(host.id, { cmd: ["sh", "-c", command] })).stdout;
  }

  /** Polls the lab's session until its environment is ready (a start answers while it is still provisioned). */
  async function untilReady(): Promise<void> {
    for (let i = 0; ; i++) {
      const { body } = await learner.json<{ session: { state: string } | null }>(`/api/labs/${LAB}/session`);
      if (body.session?.state === "ready") return;
      assert.ok(i < 240, `session never became ready: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "praxis-player-e2e-"));
    product = await startProduct(env());
  });
  after(async () => {
    await product?.stop();
    await removeRunnerObjects(runnerId, runtime);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts the lab on its first step", async () => {
    const started = await learner.post<{ session: { id: string } }>(`/api/labs/${LAB}/session`);
    assert.equal(started.status, 201);
    sessionId = started.body.session.id;
    await untilReady();
    const { status, body } = await learner.json<Progress>(`/api/sessions/${sessionId}/progress`);
    assert.equal(status, 200);
    assert.deepEqual([body.currentStepId, body.steps.map((s) => s.status), body.score], ["done", ["active", "locked"], { earned: 0, max: 3 }]);
  });

  it("fails a check with its message, then turns the step green by itself once solved", async () => {
    const check = await learner.post<{ passed: boolean; checks: CheckView[]; progress: Progress }>(`/api/sessions/${sessionId}/steps/done/check`);
    assert.equal(check.status, 200);
    assert.deepEqual([check.body.passed, check.body.checks], [false, [{ name: "/tmp/done exists", passed: false, message: "/tmp/done is missing", weight: 2 }]]);
    assert.equal(check.body.progress.steps[0]!.attempts, 1);

    const events = await learner.fetch(`/api/sessions/${sessionId}/progress/events`);
    assert.equal(events.status, 200);
    assert.match(events.headers.get("content-type") ?? "", /^text\/event-stream/);
    const reader = events.body!.getReader();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const next = async (): Promise<Progress> => {
      for (;;) {
        const { value, done } = await reader.read();
        assert.ok(!done, "the progress stream ended early");
        const [message] = parser.feed(decoder.decode(value, { stream: true })).filter((m) => m.event === "progress");
        if (message) return JSON.parse(message.data) as Progress;
      }
    };
    assert.equal((await next()).steps[0]!.status, "active", "the current progress comes first");

    await exec("touch /tmp/done");
    const started = Date.now();
    let view = await next();
    while (view.steps[0]!.status !== "passed") view = await next();
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual([view.steps[0]!.attempts, view.currentStepId, view.score.earned], [1, "second", 2], "a background pass is not an attempt");
    await reader.cancel();
  });

  it("opens the next step, which runs its setup", async () => {
    const started = await learner.post<{ progress: Progress }>(`/api/sessions/${sessionId}/steps/second/start`);
    assert.equal(started.status, 200);
    assert.ok(started.body.progress.steps[1]!.startedAt);
    assert.equal(await exec("cat /tmp/second-setup"), "ready\n");
    const hint = await learner.post<{ index: number; html: string }>(`/api/sessions/${sessionId}/steps/done/hint`);
    assert.deepEqual([hint.status, hint.body.index], [200, 0]);
    assert.match(hint.body.html, /<code>touch<\/code>/);
  });

  it("shows the host's web service through the proxy, to the owner only", async () => {
    const prefix = `/api/sessions/${sessionId}/services/web/8080`;
    const page = await learner.fetch(`${prefix}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<a href="\/cgi-bin\/hello">hello<\/a>/);
    const hello = await learner.fetch(`${prefix}/cgi-bin/hello?x=1`);
    assert.match(await hello.text(), /^Hello from Praxis — served by web/);
    assert.equal((await learner.fetch(`${prefix}/missing.html`)).status, 404);
    // Paths reach the service exactly (a trailing slash matters), and its redirects stay under the prefix.
    const dir = await learner.fetch(`${prefix}/cgi-bin`);
    assert.deepEqual([dir.status, dir.headers.get("location")], [302, `${prefix}/cgi-bin/`]);
    assert.equal((await learner.fetch(`${prefix}/cgi-bin/`)).status, 403);
    assert.equal((await learner.fetch(`/api/sessions/${sessionId}/services/web/9999/`)).status, 404, "undeclared port");
    const stranger = new Learner(base);
    assert.equal((await stranger.fetch(`${prefix}/`)).status, 404);
    assert.equal((await stranger.fetch(`/api/sessions/${sessionId}/progress`)).status, 404);
  });

  it("continues on a new device through the resume link", async () => {
    const named = await learner.json<{ displayName: string; resumeUrl: string }>("/api/me", { method: "PUT", body: JSON.stringify({ displayName: "  Ada " }), headers: { "content-type": "application/json" } });
    assert.deepEqual([named.status, named.body.displayName], [200, "Ada"]);
    const device = new Learner(base);
    const resumed = await device.fetch(named.body.resumeUrl);
    assert.equal(resumed.status, 303);
    assert.equal(new URL(resumed.headers.get("location")!).pathname, "/");
    const me = await device.json<{ displayName: string }>("/api/me");
    assert.equal(me.body.displayName, "Ada");
    const progress = await device.json<Progress>(`/api/sessions/${sessionId}/progress`);
    assert.deepEqual(progress.body.steps.map((s) => s.status), ["passed", "active"]);
    assert.equal((await new Learner(base).fetch("/resume/not-a-valid-token-at-all")).status, 404);
  });

  it("keeps progress when the product and its runner restart", async () => {
    const before = await learner.json<Progress>(`/api/sessions/${sessionId}/progress`);
    await product!.stop();
    product = await startProduct(env());
    const afterRestart = await learner.json<Progress>(`/api/sessions/${sessionId}/progress`);
    assert.equal(afterRestart.status, 200);
    assert.deepEqual(afterRestart.body, before.body);
  });

  it("picks up in a new environment after a stop: the finished step is replayed there, the current one set up", async () => {
    const stopped = await learner.fetch(`/api/labs/${LAB}/session`, { method: "DELETE" });
    assert.equal(stopped.status, 200);
    const started = await learner.post<{ session: { id: string } }>(`/api/labs/${LAB}/session`);
    assert.equal(started.status, 201);
    assert.notEqual(started.body.session.id, sessionId, "a new environment");
    sessionId = started.body.session.id;
    await untilReady();
    const { body } = await learner.json<Progress>(`/api/sessions/${sessionId}/progress`);
    assert.deepEqual([body.currentStepId, body.steps.map((s) => [s.status, s.startedAt])], ["second", [["passed", null], ["active", null]]]);
    assert.equal(await exec("ls /tmp/done /tmp/second-setup 2>&1 | grep -c 'No such'"), "2\n", "nothing of the old environment is in the new one yet");
    const opened = await learner.post<{ progress: Progress }>(`/api/sessions/${sessionId}/steps/second/start`);
    assert.equal(opened.status, 200);
    assert.equal(await exec("ls /tmp/done /tmp/second-setup"), "/tmp/done\n/tmp/second-setup\n", "step 1's solve replayed, step 2's setup run");
  });
});
