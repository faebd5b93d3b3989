/**
 * Test helper: the player API contract played by an in-memory fake inside the browser's network layer
 * (playwright's page.route and routeWebSocket), so the player UI can be driven without a runner or Docker.
 * It keeps one session's progress with the contract's rules — steps unlock in order, Check counts an attempt,
 * Skip marks "skipped", hints and the solution are recorded — serves the progress stream (each reconnect gets
 * the current state, which is how a step "turns green by itself" here), a file system for the editor, a web
 * service page, and a terminal that echoes input and records it.
 */
import type { Page, Route } from "playwright-core";
import { decodeClientFrame, encodeServerFrame } from "../../runner/terminal/protocol";
import type { StepProgressView } from "../../app/_server/player/progress-model";

export interface FakeStep {
  id: string;
  checks: string[];
  hints: number;
}

// The fake answers with the server's own progress shapes, so it cannot drift from the real API.
type StepState = StepProgressView;

export class FakePlayerApi {
  readonly sessionId = "fake-session";
  expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  steps: StepState[];
  currentStepId: string;
  /** Which checks pass right now, by name; the test flips these to "do the work". */
  readonly passing = new Set<string>();
  readonly files = new Map<string, string>();
  readonly terminalInput: string[] = [];
  readonly requests: string[] = [];
  displayName: string | null = null;
  extended = 0;
  /** Whether the learner has a live session (the player starts one on load when not). */
  started = false;
  /** While set, the environment is still being provisioned: the session says so, and its events wait for it. */
  provisioning: Promise<void> | null = null;
  /** While set, opening a step waits for it: the step's setup is "still running". */
  startGate: Promise<void> | null = null;
  /** Makes the next step opening fail, as a setup script that broke would. */
  failNextStart = false;

  constructor(private readonly labId: string, private readonly spec: FakeStep[]) {
    const now = new Date().toISOString();
    this.steps = spec.map((s, i) => ({ stepId: s.id, status: i === 0 ? "active" : "locked", attempts: 0, hintsUsed: 0, hintsTotal: s.hints, solutionRevealed: false, startedAt: i === 0 ? now : null, passedAt: null, lastCheck: null }));
    this.currentStepId = spec[0]!.id;
  }

  progress() {
    const max = this.spec.reduce((n, s) => n + s.checks.length, 0);
    const earned = this.steps.reduce((n, s, i) => n + (s.status === "passed" ? this.spec[i]!.checks.length : 0), 0);
    return { sessionId: this.sessionId, labId: this.labId, currentStepId: this.currentStepId, finished: this.steps.every((s) => s.status === "passed" || s.status === "skipped"), steps: this.steps, score: { earned, max } };
  }

  /** Runs a step's checks against `passing`; a pass unlocks the next step. `attempt` is false for background runs. */
  runChecks(stepId: string, attempt: boolean, as: "passed" | "skipped" = "passed") {
    const index = this.spec.findIndex((s) => s.id === stepId);
    const step = this.steps[index]!;
    const checks = this.spec[index]!.checks.map((name) => ({ name, passed: this.passing.has(name), message: this.passing.has(name) ? "" : `${name}: not yet`, weight: 1 }));
    const passed = checks.every((c) => c.passed);
    if (attempt) step.attempts++;
    step.lastCheck = { passed, at: new Date().toISOString(), checks };
    if (passed && step.status === "active") {
      step.status = as;
      step.passedAt = new Date().toISOString();
      const next = this.steps[index + 1];
      if (next && next.status === "locked") {
        // Like the server: the next step opens, but its setup (and startedAt) waits for the player's /start.
        next.status = "active";
        this.currentStepId = next.stepId;
      }
    }
    return { stepId, passed, checks, progress: this.progress() };
  }

  async install(page: Page): Promise<void> {
    const json = (route: Route, body: unknown, status = 200) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
    const session = () => ({ id: this.sessionId, labId: this.labId, state: this.provisioning ? "provisioning" : "ready", expiresAt: this.expiresAt, hosts: ["workstation"] });
    const base = `/api/sessions/${this.sessionId}`;

    await page.route("**/api/**", async (route) => {
      const url = new URL(route.request().url());
      const method = route.request().method();
      const path = url.pathname;
      this.requests.push(`${method} ${path}`);
      if (path === `/api/labs/${this.labId}/session`) {
        if (method !== "GET") this.started = method === "POST";
        return json(route, { session: this.started ? session() : null }, method === "POST" ? 201 : 200);
      }
      if (path === "/api/me") {
        if (method === "PUT") this.displayName = (route.request().postDataJSON() as { displayName: string }).displayName.trim();
        return json(route, { id: "me", displayName: this.displayName, resumeUrl: `${url.origin}/resume/fake-token` });
      }
      if (path === `${base}/progress`) return json(route, this.progress());
      if (path === `${base}/events`) {
        if (this.provisioning) await this.provisioning;
        this.provisioning = null;
        return route.fulfill({ status: 200, contentType: "text/event-stream", body: `event: state\ndata: ${JSON.stringify({ state: "ready" })}\n\n` });
      }
      if (path === `${base}/progress/events`) {
        // The background auto-check: on every (re)connect the current step's checks run, not as an attempt.
        this.runChecks(this.currentStepId, false);
        return route.fulfill({ status: 200, contentType: "text/event-stream", body: `retry: 300\nevent: progress\ndata: ${JSON.stringify(this.progress())}\n\n` });
      }
      if (path === `${base}/extend`) {
        this.extended++;
        this.expiresAt = new Date(Date.parse(this.expiresAt) + 30 * 60_000).toISOString();
        return json(route, { session: session() });
      }
      if (path === `${base}/terminal`) return json(route, { path: `/api/terminal?ticket=fake-${(route.request().postDataJSON() as { terminalId?: string }).terminalId ?? "main"}` }, 201);
      if (path === `${base}/files`) return this.filesRoute(route, url, method, json);
      const action = /\/steps\/([^/]+)\/(check|start|hint|solution|skip|reset)$/.exec(path);
      if (action) {
        if (action[2] === "start" && this.startGate) await this.startGate;
        if (action[2] === "start" && this.failNextStart) {
          this.failNextStart = false;
          return json(route, { error: { code: "failed", message: "setup script exited with 1" } }, 502);
        }
        return json(route, this.stepAction(decodeURIComponent(action[1]!), action[2]!));
      }
      if (path.startsWith(`${base}/services/`)) return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>svc</title><h1>Hello from the web app</h1>" });
      return json(route, { error: { code: "not_found", message: `fake API has no ${method} ${path}` } }, 404);
    });

    await page.routeWebSocket("**/api/terminal**", (ws) => {
      ws.send(Buffer.from(encodeServerFrame({ type: "hello", version: 1, terminalId: new URL(ws.url()).searchParams.get("ticket")!.slice(5) })));
      ws.send(Buffer.from(encodeServerFrame({ type: "output", data: new TextEncoder().encode("fake$ ") })));
      ws.onMessage((message) => {
        const frame = decodeClientFrame(typeof message === "string" ? new TextEncoder().encode(message) : message);
        if (frame.type !== "input") return;
        const text = new TextDecoder().decode(frame.data);
        this.terminalInput.push(text);
        ws.send(Buffer.from(encodeServerFrame({ type: "output", data: new TextEncoder().encode(text.replace(/\n/g, "\r\n")) })));
      });
    });
  }

  private stepAction(stepId: string, action: string): unknown {
    const index = this.spec.findIndex((s) => s.id === stepId);
    const step = this.steps[index]!;
    switch (action) {
      case "check":
        return this.runChecks(stepId, true);
      case "skip":
        for (const name of this.spec[index]!.checks) this.passing.add(name);
        return this.runChecks(stepId, true, "skipped");
      case "start":
        this.currentStepId = stepId;
        if (step.status === "active" && step.startedAt === null) step.startedAt = new Date().toISOString();
        return { progress: this.progress() };
      case "hint":
        step.hintsUsed = Math.min(step.hintsUsed + 1, step.hintsTotal);
        return { index: step.hintsUsed - 1, html: `<p>Server hint ${step.hintsUsed}</p>`, progress: this.progress() };
      case "solution":
        step.solutionRevealed = true;
        return { html: "<p>Server solution</p>", progress: this.progress() };
      default:
        return { progress: this.progress() };
    }
  }

  private filesRoute(route: Route, url: URL, method: string, json: (route: Route, body: unknown, status?: number) => Promise<void>) {
    const path = url.searchParams.get("path")!;
    if (method === "PUT") {
      this.files.set(path, route.request().postData() ?? "");
      return json(route, { path, size: (route.request().postData() ?? "").length });
    }
    const text = this.files.get(path);
    if (text !== undefined) return json(route, { kind: "file", path, size: text.length, mode: 0o644, content: { kind: "text", text } });
    const names = new Set<string>();
    for (const p of this.files.keys()) if (p.startsWith(`${path}/`)) names.add(p.slice(path.length + 1).split("/")[0]!);
    if (names.size === 0 && path !== "/root") return json(route, { error: { code: "not_found", message: `${path} does not exist` } }, 404);
    const entries = [...names].sort().map((name) => ({ name, type: this.files.has(`${path}/${name}`) ? "file" : "directory", size: 0, mode: 0o644 }));
    return json(route, { kind: "directory", path, entries, truncated: false });
  }
}
