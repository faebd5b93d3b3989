/**
 * End-to-end: a newcomer completes the first step of first-container in the lab player, on the whole product
 * as `npm start` runs it (real runner, real Docker, real Chromium at 1280×800). They start the lab and watch
 * it being prepared, type in the terminal (and in a second one, a shell of its own), edit a file in the editor
 * and save it, press Check and read what is wrong, then solve the step by typing — without pressing Check —
 * and see it turn green by itself (the server's background auto-check). A reload finds the same shell (tmux)
 * and the same progress; closing the extra terminal ends its shell. Every request the page makes stays on the site: Monaco is served by it, not a CDN.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { RunningProduct } from "./product";
import { startProductAndBrowser } from "./browser";

const LAB = "first-container";

interface StepView {
  stepId: string;
  status: string;
  attempts: number;
}

describe("a newcomer in the lab player (e2e)", { timeout: 240_000 }, () => {
  const runnerId = `e2e-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stopAll: (() => Promise<void>) | undefined;
  let sessionId = "";
  const offsite: string[] = [];
  const monaco: string[] = [];

  before(async () => {
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId));
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    page.on("request", (r) => {
      const url = r.url();
      if (url.includes("/vendor/monaco/vs/")) monaco.push(url);
      if (!url.startsWith(product!.url) && !url.startsWith(product!.url.replace(/^http/, "ws")) && !/^(data|blob):/.test(url)) offsite.push(url);
    });
  });

  after(async () => {
    await stopAll?.();
  });

  const terminal = () => page.getByTestId("terminal-workstation");
  async function typeAndSee(command: string, expected: string): Promise<void> {
    await page.getByRole("tab", { name: "workstation", exact: true }).click();
    await terminal().click();
    await page.keyboard.type(`${command}\n`);
    await page.waitForFunction(
      (text) => Array.from(document.querySelectorAll(".xterm-rows > div")).some((row) => (row.textContent ?? "").trim() === text),
      expected,
      { timeout: 30_000 },
    );
  }
  async function progressOf(stepId: string): Promise<StepView> {
    const res = await page.request.get(`${product!.url}/api/sessions/${sessionId}/progress`);
    assert.equal(res.status(), 200);
    return ((await res.json()) as { steps: StepView[] }).steps.find((s) => s.stepId === stepId)!;
  }

  it("starts the lab: the intro to read while the environment is prepared, then a terminal", async () => {
    await page.goto(`${product!.url}/labs/${LAB}`);
    await page.getByRole("button", { name: "Start lab" }).click();
    await page.waitForURL(`**/labs/${LAB}/play`);
    await page.getByRole("heading", { name: "Your first container" }).waitFor();
    // A warm environment may skip the provisioning screen; a cold one shows its steps.
    await page.locator('.provision, .terminal-status[data-status="open"]').first().waitFor();
    await page.locator('.terminal-status[data-status="open"]').waitFor();
    const res = await page.request.get(`${product!.url}/api/labs/${LAB}/session`);
    sessionId = ((await res.json()) as { session: { id: string } }).session.id;
    await page.getByRole("button", { name: "Start step 1 →" }).click();
    await page.getByRole("heading", { name: "A process tree of its own" }).waitFor();
  });

  it("types in the terminal", async () => {
    await typeAndSee("export PRAXIS_MARK=kept-$((40+2)); echo set", "set");
  });

  it("opens a second terminal on the host, a shell of its own", async () => {
    await page.getByRole("button", { name: "New terminal on workstation" }).click();
    await page.getByTestId("terminal-workstation-2").click();
    await page.locator('.tab-panel:not([hidden]) .terminal-status[data-status="open"]').waitFor();
    await page.keyboard.type("echo second=${PRAXIS_MARK:-unset}\n");
    await page.waitForFunction(() => Array.from(document.querySelectorAll(".tab-panel:not([hidden]) .xterm-rows > div")).some((row) => (row.textContent ?? "").trim() === "second=unset"));
  });

  it("edits a file in the editor and saves it to the environment", async () => {
    await typeAndSee("echo placeholder > /root/pid1.txt; echo made", "made");
    await page.getByRole("tab", { name: /Editor/ }).click();
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByRole("button", { name: "pid1.txt" }).click();
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("not-pid-one");
    await page.locator('.editor-tab[data-dirty="true"]').waitFor();
    await page.keyboard.press("Control+s");
    await page.locator('.editor-status [data-state="saved"]').waitFor();
    // The editor saved without a trailing newline, so frame the content to see it on a line of its own.
    await typeAndSee('echo "[$(cat /root/pid1.txt)]"', "[not-pid-one]");
  });

  it("fails a check and reads what is wrong", async () => {
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const results = page.locator('.check-results[data-result="failed"]');
    await results.waitFor();
    const lines = await results.locator("li").allTextContents();
    assert.match(lines[0]!, /^✗ Not yet: PID 1 is named in \/root\/pid1.txt — \/root\/pid1.txt says "not-pid-one", but that is not PID 1/);
    assert.match(lines[1]!, /^✗ Not yet: The worker's PID is in \/root\/worker-pid.txt — \/root\/worker-pid.txt is missing or empty/);
    assert.equal((await progressOf("processes")).attempts, 1);
  });

  it("solves it by typing, and the step turns green by itself", async () => {
    await typeAndSee("cat /proc/1/comm > /root/pid1.txt; pgrep -f '^lab-worker' | head -n 1 > /root/worker-pid.txt; echo solved", "solved");
    await page.locator('.step-nav li[data-status="passed"]').first().waitFor({ timeout: 45_000 });
    await page.getByText("Step complete — Praxis noticed your work was done.").waitFor();
    const step = await progressOf("processes");
    assert.deepEqual([step.status, step.attempts], ["passed", 1], "passed without another press of Check");
  });

  it("reloads into the same shell and the same progress", async () => {
    await page.reload();
    await page.getByRole("heading", { name: "A process tree of its own" }).waitFor();
    assert.equal(await page.locator(".step-nav li").nth(1).getAttribute("data-status"), "passed");
    await page.getByRole("tab", { name: "workstation (2)" }).waitFor(); // the extra terminal comes back too
    await page.getByRole("region", { name: "Terminal workstation", exact: true }).locator('.terminal-status[data-status="open"]').waitFor();
    await typeAndSee("echo mark=$PRAXIS_MARK", "mark=kept-42");
  });

  it("closes the extra terminal, and its shell ends with the tab", async () => {
    await page.getByRole("tab", { name: "workstation (2)" }).click();
    await page.getByRole("button", { name: "Close terminal workstation (2)" }).click();
    await page.getByRole("tab", { name: "workstation (2)" }).waitFor({ state: "detached" });
    await typeAndSee("for i in $(seq 50); do tmux has-session -t =2 2>/dev/null || break; sleep 0.1; done; tmux has-session -t =2 2>/dev/null && echo still-there || echo gone-$((1+1))", "gone-2");
  });

  it("never left the site: Monaco came from it too", () => {
    assert.ok(monaco.some((u) => u.endsWith("/vendor/monaco/vs/loader.js")), "Monaco's loader was served by the site");
    assert.deepEqual(offsite, []);
  });
});
