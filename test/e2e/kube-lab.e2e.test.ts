/**
 * End-to-end: a Kubernetes lab in the browser, on the whole product (web app → runner over HTTP → kind
 * cluster in Docker → Chromium). The learner starts first-deployment, watches the cluster steps of the
 * provisioning screen, runs `kubectl get nodes` in the terminal and sees a Ready node, fails the step's
 * kubernetes check with its precise message, then creates the namespace and sees the step turn green by
 * itself. Guards the web path of cluster labs (a spec that lost its cluster on the way once gave a
 * workstation without kubectl).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { RunningProduct } from "./product";
import { startProductAndBrowser } from "./browser";

const LAB = "first-deployment";

describe("a Kubernetes lab in the player (e2e)", { timeout: 300_000 }, () => {
  const runnerId = `e2e-kube-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stopAll: (() => Promise<void>) | undefined;

  before(async () => {
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId));
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(120_000);
  });

  after(async () => {
    await stopAll?.();
  });

  async function typeAndSee(command: string, expected: RegExp): Promise<void> {
    await page.getByTestId("terminal-workstation").click();
    await page.keyboard.type(`${command}\n`);
    await page.waitForFunction(
      (source) => Array.from(document.querySelectorAll(".xterm-rows > div")).some((row) => new RegExp(source).test(row.textContent ?? "")),
      expected.source,
      { timeout: 60_000 },
    );
  }

  it("provisions the cluster with its own steps, then kubectl on the workstation sees a Ready node", async () => {
    await page.goto(`${product!.url}/labs/${LAB}`);
    await page.getByRole("button", { name: "Start lab" }).click();
    await page.waitForURL(`**/labs/${LAB}/play`);
    await page.getByText("Kubernetes nodes").waitFor();
    await page.locator('.terminal-status[data-status="open"]').waitFor({ timeout: 240_000 });
    await page.getByRole("button", { name: "Start step 1 →" }).click();
    await page.getByRole("heading", { name: "Meet your cluster" }).waitFor();
    await typeAndSee("kubectl get nodes", /control-plane\s+Ready\s+control-plane/);
  });

  it("fails the kubernetes check with its message, then turns green by itself", async () => {
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByText("Namespace shop not found").waitFor({ timeout: 60_000 });
    await typeAndSee("kubectl create namespace shop", /namespace\/shop created/);
    await page.getByText(/Step complete/).waitFor({ timeout: 60_000 });
    const session = ((await (await page.request.get(`${product!.url}/api/labs/${LAB}/session`)).json()) as { session: { id: string } }).session;
    const progress = (await (await page.request.get(`${product!.url}/api/sessions/${session.id}/progress`)).json()) as { steps: { stepId: string; status: string }[] };
    assert.equal(progress.steps.find((s) => s.stepId === "namespace")?.status, "passed");
  });
});
