/**
 * End-to-end: the whole product as `npm start` runs it (real Docker, real Chromium, scripts/start.ts on a
 * free port with a temp data dir). A learner starts first-container, types in the web terminal, reloads
 * and finds the same shell, reads the provisioning steps through the site's event stream, extends the
 * time limit, checks a step, resets to a fresh shell, and stops the lab, after which none of its containers remain.
 * Also: another learner cannot get a ticket for (or the events of) that session, and the WebSocket proxy
 * refuses a forged ticket.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DockerodeRuntime } from "../../runner/docker/dockerode-runtime";
import { LABEL } from "../../runner/docker/labels";
import { TerminalClient, TerminalConnectError } from "../../runner/terminal/client";
import type { RunningProduct } from "./product";
import { startProductAndBrowser } from "./browser";

const LAB = "first-container";

describe("start a lab in the browser (e2e)", { timeout: 300_000 }, () => {
  const runtime = new DockerodeRuntime();
  const runnerId = `e2e-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stopAll: (() => Promise<void>) | undefined;
  let sessionId = "";

  before(async () => {
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId));
    page = await browser.newPage();
    page.setDefaultTimeout(60_000);
  });

  after(async () => {
    // Whatever happened, leave no environment of this run behind.
    await stopAll?.();
  });

  const terminal = () => page.getByTestId("terminal-workstation");
  const waitOpen = () => page.locator('.terminal-status[data-status="open"]').waitFor();
  async function typeAndSee(command: string, expected: string): Promise<void> {
    await terminal().click();
    await page.keyboard.type(`${command}\n`);
    await page.waitForFunction(
      (text) => Array.from(document.querySelectorAll(".xterm-rows > div")).some((row) => (row.textContent ?? "").trim() === text),
      expected,
      { timeout: 30_000 },
    );
  }

  it("starts the lab and runs a command in the web terminal", async () => {
    await page.goto(`${product!.url}/labs/${LAB}`);
    await page.getByRole("button", { name: "Start lab" }).click();
    // The overview's Start leads to the lab player, which starts the environment.
    await page.waitForURL(`**/labs/${LAB}/play`);
    await page.getByText("Preparing your environment").first().waitFor();
    await waitOpen();
    await typeAndSee("echo praxis-$((6*7))", "praxis-42");
    const res = await page.request.get(`${product!.url}/api/labs/${LAB}/session`);
    sessionId = ((await res.json()) as { session: { id: string } }).session.id;
    assert.match(sessionId, /^[0-9a-f]+$/);
  });

  it("keeps the same shell across a reload", async () => {
    await typeAndSee("export PRAXIS_MARK=kept-$((40+2)); echo set", "set");
    await page.reload();
    await waitOpen();
    await typeAndSee("echo mark=$PRAXIS_MARK", "mark=kept-42");
    const res = await page.request.get(`${product!.url}/api/labs/${LAB}/session`);
    assert.equal(((await res.json()) as { session: { id: string } }).session.id, sessionId);
  });

  it("refuses a ticket for another learner's session", async () => {
    const stranger = await browser!.newContext();
    try {
      const res = await stranger.request.post(`${product!.url}/api/sessions/${sessionId}/terminal`, { data: { host: "workstation" } });
      assert.equal(res.status(), 404);
    } finally {
      await stranger.close();
    }
    const own = await page.request.post(`${product!.url}/api/sessions/${sessionId}/terminal`, { data: { host: "workstation" } });
    assert.equal(own.status(), 201);
  });

  it("the WebSocket proxy rejects a bad ticket", async () => {
    const wsBase = product!.url.replace(/^http/, "ws");
    await assert.rejects(
      TerminalClient.connect(`${wsBase}/api/terminal?ticket=v1.forged.signature`, { origin: product!.url }),
      (err: unknown) => err instanceof TerminalConnectError && err.status === 401,
    );
    await assert.rejects(
      TerminalClient.connect(`${wsBase}/api/elsewhere`, { origin: product!.url }),
      (err: unknown) => err instanceof TerminalConnectError && err.status === 404,
    );
  });

  it("streams the provisioning steps to the learner only", async () => {
    const res = await page.request.get(`${product!.url}/api/sessions/${sessionId}/events`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"] ?? "", /^text\/event-stream/);
    const text = await res.text(); // the stream ends: the session is ready
    assert.match(text, /event: steps\ndata: \{"steps":\["ensure-images","create-network","start-hosts","copy-files","run-setup"\]\}/);
    assert.match(text, /"step":"run-setup","status":"done"/);
    assert.match(text, /event: state\ndata: \{[^\n]*"state":"ready"/);
    const stranger = await browser!.newContext();
    try {
      assert.equal((await stranger.request.get(`${product!.url}/api/sessions/${sessionId}/events`)).status(), 404);
    } finally {
      await stranger.close();
    }
  });

  it("shows the time left and extends it", async () => {
    const expiresAt = async () => Date.parse(((await (await page.request.get(`${product!.url}/api/labs/${LAB}/session`)).json()) as { session: { expiresAt: string } }).session.expiresAt);
    await page.locator('.lab-session-bar[data-warning="false"]').waitFor();
    assert.match(await page.locator(".session-time").innerText(), /^(\d+ h )?\d+ min left$/);
    const before = await expiresAt();
    await page.getByRole("button", { name: "Extend 30 min" }).click();
    await page.getByRole("button", { name: "Extend 30 min" }).waitFor();
    assert.equal(await expiresAt(), before + 30 * 60_000);
  });

  it("checks a step in the environment: what is missing, then a pass once done", async () => {
    await page.getByRole("button", { name: "Start step 1 →" }).click();
    const results = page.locator(".step-page .check-results");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.locator('.step-page .check-results[data-result="failed"]').waitFor();
    assert.match((await results.locator("li").allTextContents())[0]!, /✗ Not yet: PID 1 is named in \/root\/pid1.txt — \/root\/pid1.txt is missing or empty/);
    await typeAndSee("cat /proc/1/comm > /root/pid1.txt; echo saved", "saved");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await results.locator('li[data-passed="true"]').first().waitFor();
    assert.match((await results.locator("li").allTextContents())[0]!, /✓ Passed: PID 1 is named in \/root\/pid1.txt/);
  });

  it("resets to a fresh environment with a new shell", async () => {
    const oldTerminal = await terminal().elementHandle();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reset the environment" }).click();
    // The old terminal goes away while the environment is provisioned again, then a new one opens.
    await page.waitForFunction((el) => !el?.isConnected, oldTerminal);
    await waitOpen();
    await typeAndSee("echo mark=${PRAXIS_MARK:-none}", "mark=none");
    const res = await page.request.get(`${product!.url}/api/labs/${LAB}/session`);
    assert.equal(((await res.json()) as { session: { id: string } }).session.id, sessionId);
  });

  it("stops the lab, once confirmed, and removes its containers", async () => {
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    assert.ok((await runtime.listContainers({ [LABEL.managed]: "true", [LABEL.session]: sessionId })).length > 0, "a dismissed confirmation stops nothing");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("button", { name: "Start a new environment" }).waitFor();
    assert.deepEqual(await runtime.listContainers({ [LABEL.managed]: "true", [LABEL.session]: sessionId }), []);
    assert.deepEqual(await runtime.listNetworks({ [LABEL.managed]: "true", [LABEL.session]: sessionId }), []);
  });

  it("shows on the lab's page how far the ended attempt got", async () => {
    await page.goto(`${product!.url}/labs/${LAB}`);
    // Only one of step 1's checks passed above, so no step was done; the environment is stopped now.
    await page.getByTestId("last-attempt").getByText(/^You started this lab on .+; no step is done yet\.$/).waitFor();
    await page.getByRole("button", { name: "Start lab" }).waitFor();
  });
});
