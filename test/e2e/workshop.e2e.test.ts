/**
 * End-to-end: an instructor runs a small workshop on the whole product (`npm start`: real runner, real
 * Docker, Chromium), with three learners in browser contexts of their own. The instructor signs in,
 * creates a workshop of first-container with a warm share, and warms it up; three learners join by code
 * with a display name and land in the player on warm environments. Progress shows on the dashboard
 * within a second (pushed, not polled); the shadow view shows what a learner types and cannot type
 * itself; a reset gives a learner a fresh container; a broadcast reaches every player; the export has a
 * row per learner; ending the workshop removes every container (asserted through Docker).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DockerodeRuntime } from "../../runner/docker/dockerode-runtime";
import { LABEL } from "../../runner/docker/labels";
import { startProductAndBrowser } from "./browser";
import { createInstructor } from "./instructor";
import type { RunningProduct } from "./product";

const LAB = "first-container";
const NAMES = ["Ada", "Grace", "Linus"];

describe("an instructor-led workshop (e2e)", { timeout: 300_000 }, () => {
  const runtime = new DockerodeRuntime();
  const runnerId = `e2e-ws-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let instructor: Page;
  const learners: Array<{ name: string; context: BrowserContext; page: Page; sessionId: string }> = [];
  let stopAll: (() => Promise<void>) | undefined;
  let joinCode = "";

  const containers = (labels: Record<string, string> = {}) => runtime.listContainers({ [LABEL.runner]: runnerId, ...labels });
  async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const row = (name: string) => instructor.locator(`tr[data-learner="${name}"]`);
  const terminalShows = (page: Page, testId: string, text: string, timeout = 30_000) =>
    page.waitForFunction(([id, t]) => Array.from(document.querySelectorAll(`[data-testid="${id}"] .xterm-rows > div`)).some((r) => (r.textContent ?? "").includes(t!)), [testId, text] as const, { timeout });

  before(async () => {
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId));
    instructor = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    instructor.setDefaultTimeout(60_000);
    instructor.on("dialog", (d) => void d.accept());
  });

  after(async () => {
    await stopAll?.();
  });

  it("the instructor creates a workshop and warms it up", async () => {
    await createInstructor(product!, instructor, { email: "teacher@example.org", password: "correct horse battery staple" });
    await instructor.goto(`${product!.url}/instructor/workshops/new`);
    await instructor.getByLabel("Title").fill("Containers, hands on");
    await instructor.getByLabel("Your first container").check();
    await instructor.getByLabel("Seats", { exact: true }).fill("5");
    await instructor.getByLabel(/Warm share/).fill("60");
    await instructor.getByRole("button", { name: "Create workshop" }).click();
    await instructor.waitForURL((url) => /^\/instructor\/workshops\/(?!new$)[^/]+$/.test(url.pathname));
    joinCode = (await instructor.getByTestId("join-code").textContent())!.replace("-", "");
    assert.match(joinCode, /^[A-Z0-9]{6}$/);
    await instructor.getByRole("button", { name: "Warm up" }).click();
    await instructor.getByText(/Warming up: 3 × first-container/).waitFor();
    await eventually("three warm environments run", async () => (await containers({ [LABEL.pool]: LAB })).filter((c) => c.state === "running").length >= 3, 120_000);
  });

  it("three learners join by code and start on warm environments", async () => {
    for (const name of NAMES) {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${product!.url}/join`);
      await page.getByLabel("Workshop code").fill(`${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)}`);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByLabel(/Your name/).fill(name);
      await page.getByRole("button", { name: "Join" }).click();
      await page.getByRole("link", { name: "Your first container" }).click();
      await page.waitForURL(`**/labs/${LAB}/play`);
      await page.locator('.terminal-status[data-status="open"]').waitFor();
      const res = await page.request.get(`${product!.url}/api/labs/${LAB}/session`);
      learners.push({ name, context, page, sessionId: ((await res.json()) as { session: { id: string } }).session.id });
    }
    for (const { name } of learners) await row(name).waitFor();
    assert.deepEqual(await instructor.locator("tr[data-learner]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-learner"))), ["Ada", "Grace", "Linus"]);
    const claimed = await containers({ [LABEL.session]: learners[0]!.sessionId });
    assert.ok(claimed.length === 1 && claimed[0]!.labels[LABEL.pool] === LAB, "Ada's environment was a warm-pool member");
  });

  it("shows a learner's progress on the dashboard within a second", async () => {
    const ada = learners[0]!;
    await ada.page.getByRole("button", { name: "Start step 1 →" }).click();
    await row("Ada").locator('td[data-step="processes"][data-status="active"]').waitFor();
    await ada.page.getByRole("button", { name: "Check", exact: true }).click();
    await ada.page.locator('.check-results[data-result="failed"]').waitFor();
    const shown = Date.now();
    await row("Ada").locator('td[data-step="processes"] .cell-count[title="failed checks"]').waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - shown < 1_000, `the failed check reached the dashboard in ${Date.now() - shown} ms`);
  });

  it("the shadow view shows what a learner types, and cannot type itself", async () => {
    const grace = learners[1]!;
    await row("Grace").getByRole("button", { name: /Watch/ }).click();
    await instructor.locator('[data-testid="terminal-shadow"]').waitFor();
    await instructor.locator('.shadow-view .terminal-status[data-status="open"]').waitFor();
    await instructor.getByTestId("terminal-shadow").scrollIntoViewIfNeeded(); // xterm draws only while on screen
    await grace.page.getByTestId("terminal-workstation").click();
    await grace.page.keyboard.type("echo typed-by-$((6*7))-grace\n");
    await terminalShows(instructor, "terminal-shadow", "typed-by-42-grace");
    await instructor.getByTestId("terminal-shadow").click();
    await instructor.keyboard.type("echo from-the-instructor\n");
    await grace.page.keyboard.type("echo still-mine\n");
    await terminalShows(grace.page, "terminal-workstation", "still-mine");
    const text = await grace.page.locator('[data-testid="terminal-workstation"] .xterm-rows').textContent();
    assert.ok(!text?.includes("from-the-instructor"), "nothing the instructor typed reached the learner's shell");
  });

  it("resets a learner's environment: a fresh container, ready again", async () => {
    const linus = learners[2]!;
    const [before] = await containers({ [LABEL.session]: linus.sessionId });
    await row("Linus").getByRole("button", { name: /Reset/ }).click();
    await eventually("Linus has a new container", async () => {
      const now = await containers({ [LABEL.session]: linus.sessionId });
      return now.length === 1 && now[0]!.id !== before!.id && now[0]!.state === "running";
    });
    await row("Linus").locator('[data-testid="environment-state"]', { hasText: "ready" }).waitFor();
  });

  it("broadcasts a message every learner sees, and exports one row per learner", async () => {
    await instructor.getByLabel("Message to everyone").fill("Five minutes left");
    await instructor.getByRole("button", { name: "Broadcast" }).click();
    for (const { page } of learners) await page.getByTestId("workshop-message").getByText("Five minutes left").waitFor({ timeout: 10_000 });
    const id = instructor.url().split("/").at(-1)!;
    const csv = await (await instructor.request.get(`${product!.url}/api/workshops/${id}/export?format=csv`)).text();
    const lines = csv.trim().split("\r\n");
    assert.equal(lines[0], "learner,lab,stepsPassed,stepsTotal,attempts,hintsUsed,score,scoreMax,minutes,finished");
    assert.deepEqual(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(",")), NAMES.map((n) => `${n},${LAB}`));
    assert.equal(lines[1]!.split(",")[4], "1", "Ada's one Check press");
    const json = await (await instructor.request.get(`${product!.url}/api/workshops/${id}/export?format=json`)).json();
    assert.equal(json.workshop.id, id);
    assert.deepEqual(json.rows.map((r: { learner: string; lab: string; attempts: number }) => [r.learner, r.lab, r.attempts]), NAMES.map((n, i) => [n, LAB, Number(lines[i + 1]!.split(",")[4])]), "the same rows as the CSV");
    const stranger = await (await learners[0]!.page.request.get(`${product!.url}/api/workshops/${id}/export?format=json`)).status();
    assert.ok([401, 403, 404].includes(stranger), `a learner cannot export the results (got ${stranger})`);
  });

  it("ends the workshop: every container is gone and the learners are told", async () => {
    await instructor.getByRole("button", { name: "End workshop" }).click();
    await instructor.getByText(/Ended: 3 environments stopped/).waitFor();
    await eventually("no container of this runner is left", async () => (await containers()).length === 0, 60_000);
    for (const { page } of learners) await page.getByText(/has ended/).waitFor({ timeout: 10_000 });
    assert.equal(await instructor.locator(".phase-ended").count(), 1);
  });
});
