/**
 * End-to-end in a real browser, the player UI against a fake of the player API (test/e2e/fake-player-api.ts):
 * the built site (`next start`), Debian's chromium, no runner and no Docker, so every control can be driven
 * deterministically. A copy of first-container with a web service and an `editor:` link is served. Covers
 * the intro, Mermaid, run-in-terminal, Check with messages, progressive hints, the confirmed solution,
 * auto-detection, the editor (editor: link at a line, dirty marker, Ctrl+S), a second terminal, keyboard tabs,
 * the service tab, Skip, the finish summary, the expiry warning and Extend, the display name and resume link,
 * reload landing on the same page, and that Monaco and everything else load from the site alone.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { FakePlayerApi } from "./fake-player-api";
import { REPO_ROOT, startSite, type RunningSite } from "./server";
import { launchChromium } from "./browser";

const LAB = "first-container";

describe("player UI on a fake API (e2e)", { timeout: 180_000 }, () => {
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let dir = "";
  let fake: FakePlayerApi;
  const offsite: string[] = [];
  const monaco: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-player-ui-"));
    // The sample lab plus a web service on the host and an editor link in step 2.
    const labDir = path.join(dir, "labs", LAB);
    await cp(path.join(REPO_ROOT, "content", "labs", LAB), labDir, { recursive: true });
    const yaml = await readFile(path.join(labDir, "lab.yaml"), "utf8");
    await writeFile(path.join(labDir, "lab.yaml"), yaml.replace("      terminal: true\n", "      terminal: true\n      ports:\n        - port: 8080\n          name: Web app\n"));
    const limits = path.join(labDir, "steps", "limits", "index.md");
    await writeFile(limits, `${await readFile(limits, "utf8")}\nYour notes are in [welcome.txt, line 2](editor:/root/welcome.txt#L2).\n`);
    site = await startSite({ PRAXIS_DATA_DIR: dir, PRAXIS_LABS_DIRS: path.join(dir, "labs") });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(20_000);
    page.on("request", (r) => {
      if (r.url().includes("/vendor/monaco/vs/")) monaco.push(r.url());
      if (!r.url().startsWith(site!.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) offsite.push(r.url());
    });
    page.on("pageerror", (error) => {
      if (/Minified React error #418;.*args\[\]=HTML/.test(error.message)) return; // see site.e2e.test.ts
      pageErrors.push(error.message);
    });
    fake = new FakePlayerApi(LAB, [
      { id: "processes", checks: ["PID 1 is named in /root/pid1.txt", "The worker's PID is in /root/worker-pid.txt"], hints: 3 },
      { id: "limits", checks: ["The memory limit is in /root/memory-limit.txt"], hints: 3 },
      { id: "filesystem", checks: ["The codeword is in /root/codeword.txt", "The kernel release is in /root/kernel.txt"], hints: 3 },
    ]);
    fake.files.set("/root/welcome.txt", "Welcome!\nsecond line\nthird line\n");
    await fake.install(page);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const nav = (n: number) => page.locator(".step-nav li").nth(n);

  it("opens on the introduction, then step 1 with its diagram drawn; while the environment starts, hints are open and Check waits, saying why", async () => {
    let provisioned = () => {};
    fake.provisioning = new Promise<void>((resolve) => (provisioned = resolve));
    await page.goto(`${site!.url}/labs/${LAB}`);
    await page.getByRole("button", { name: "Start lab" }).click();
    await page.waitForURL(`**/labs/${LAB}/play`);
    await page.getByRole("heading", { name: "Your first container" }).waitFor();
    assert.match(await page.locator(".intro-page").innerText(), /INTRODUCTION · 3 STEPS/);
    await page.getByRole("button", { name: "Start step 1 →" }).click();
    await page.getByRole("heading", { name: "A process tree of its own" }).waitFor();
    await page.locator('.step-page .mermaid-diagram[data-rendered="true"] svg').waitFor();
    assert.equal(await nav(1).getAttribute("data-status"), "active");
    assert.equal(await nav(2).locator("button").isDisabled(), true, "a locked step cannot be opened");
    await page.getByText("Your environment is still starting. Check, Skip and Reset wait for it; read on, or take a hint.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Check", exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole("button", { name: "Hint (1/3)" }).isEnabled(), true, "a hint needs no environment");
    provisioned();
    await page.locator('.terminal-status[data-status="open"]').waitFor();
    assert.equal(await page.getByRole("button", { name: "Check", exact: true }).isEnabled(), true);
    assert.equal(await page.getByText("Your environment is still starting").count(), 0);
  });

  it("types a Run block into the terminal", async () => {
    await page.locator('.terminal-status[data-status="open"]').first().waitFor();
    await page.locator(".step-page [data-run-button]").first().click();
    await page.waitForFunction(() => document.querySelector(".xterm-rows")?.textContent?.includes("ps -ef"));
    assert.deepEqual(fake.terminalInput, ["ps -ef\n"]);
  });

  it("checks: every check with its message, in a live region", async () => {
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const results = page.locator('.check-results[data-result="failed"]');
    await results.waitFor();
    assert.equal(await results.getAttribute("role"), "status");
    assert.equal(await results.locator(".check-summary").textContent(), "2 of 2 checks not met yet.");
    assert.deepEqual(await results.locator("li").allTextContents(), [
      "✗ Not yet: PID 1 is named in /root/pid1.txt — PID 1 is named in /root/pid1.txt: not yet",
      "✗ Not yet: The worker's PID is in /root/worker-pid.txt — The worker's PID is in /root/worker-pid.txt: not yet",
    ]);
    assert.equal(fake.steps[0]!.attempts, 1);
  });

  it("reveals hints one at a time and the solution only after confirming", async () => {
    await page.getByRole("button", { name: "Hint (1/3)" }).click();
    await page.getByText("Server hint 1").waitFor();
    await page.getByRole("button", { name: "Next hint (2/3)" }).click();
    await page.getByText("Server hint 2").waitFor();
    assert.equal(fake.steps[0]!.hintsUsed, 2);
    await page.getByRole("button", { name: "Solution…" }).click();
    const dialog = page.getByRole("dialog", { name: "Show the solution?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.equal(fake.steps[0]!.solutionRevealed, false);
    await page.getByRole("button", { name: "Solution…" }).click();
    await dialog.getByRole("button", { name: "Show the solution" }).click();
    await page.getByText("Server solution").waitFor();
    assert.equal(fake.steps[0]!.solutionRevealed, true);
  });

  it("turns the step green by itself when the background check passes, and says so", async () => {
    fake.passing.add("PID 1 is named in /root/pid1.txt").add("The worker's PID is in /root/worker-pid.txt");
    await page.locator('.step-nav li[data-status="passed"]').first().waitFor();
    await page.getByText("Step complete — Praxis noticed your work was done.").waitFor();
    assert.equal(await page.locator(".player-announcer").textContent(), "Step 1, A process tree of its own, passed.");
    assert.equal(fake.steps[0]!.attempts, 1, "background runs are not attempts");
  });

  it("holds the learner while the next step's setup runs (offering a retry when it fails), then lets them act", async () => {
    fake.failNextStart = true;
    await page.getByRole("button", { name: "Next step →" }).click();
    await page.getByRole("heading", { name: "Fenced in by cgroups" }).waitFor();
    await page.getByText("This step could not be set up in your environment: setup script exited with 1").waitFor();
    let setupDone!: () => void;
    fake.startGate = new Promise((resolve) => (setupDone = resolve));
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Setting up this step in your environment").waitFor();
    assert.equal(await page.getByText("could not be set up").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Check", exact: true }).isDisabled(), true, "no Check while setup runs");
    setupDone();
    fake.startGate = null;
    await page.getByText("Setting up this step in your environment").waitFor({ state: "detached" });
    assert.equal(await page.getByRole("button", { name: "Check", exact: true }).isDisabled(), false);
    assert.ok(fake.steps[1]!.startedAt, "opening the step started it (its setup ran) before any Check");
  });

  it("opens an editor: link at its line, marks unsaved changes and saves with Ctrl+S", async () => {
    await page.getByRole("button", { name: "welcome.txt, line 2" }).click();
    await page.locator(".monaco-editor").waitFor();
    assert.equal(await page.getByRole("tab", { name: /Editor/ }).getAttribute("aria-selected"), "true");
    await page.waitForFunction(() => (window as unknown as { monaco?: { editor: { getEditors(): { getPosition(): { lineNumber: number } }[] } } }).monaco?.editor.getEditors()[0]?.getPosition()?.lineNumber === 2);
    await page.keyboard.type("edited ");
    await page.locator('.editor-tab[data-dirty="true"]').waitFor();
    await page.keyboard.press("Control+s");
    await page.locator('.editor-status [data-state="saved"]').waitFor();
    assert.equal(fake.files.get("/root/welcome.txt"), "Welcome!\nedited second line\nthird line\n");
    assert.equal(await page.locator('.editor-tab[data-dirty="true"]').count(), 0);
  });

  it("creates a new file from the tree, refusing a path outside the editor's folders", async () => {
    await page.getByRole("button", { name: "New file" }).click();
    const input = page.getByLabel("Path of the new file");
    await input.fill("/etc/passwd");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("new files go under /root").waitFor();
    await input.fill("/root/notes.md");
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".editor-tab", { hasText: "notes.md" }).waitFor();
    assert.equal(fake.files.get("/root/notes.md"), "");
    assert.equal(fake.files.has("/etc/passwd"), false);
  });

  it("opens a second terminal on the host, and moves between tabs with the arrow keys", async () => {
    await page.getByRole("button", { name: "New terminal on workstation" }).click();
    const second = page.getByRole("tab", { name: "workstation (2)" });
    assert.equal(await second.getAttribute("aria-selected"), "true");
    await page.locator('[data-testid="terminal-workstation-2"]').waitFor();
    await page.locator('.tab-panel:not([hidden]) .terminal-status[data-status="open"]').waitFor();
    await page.locator('[data-testid="terminal-workstation-2"]').click();
    await page.keyboard.type("echo two\n");
    await until(() => fake.terminalInput.join("").includes("echo two"));
    await second.focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByRole("tab", { name: /Editor/ }).getAttribute("aria-selected"), "true");
    await page.keyboard.press("ArrowRight");
    const service = page.getByRole("tab", { name: /Web app/ });
    assert.equal(await service.getAttribute("aria-selected"), "true");
    const frame = page.frameLocator('iframe[title="Web app on workstation, port 8080"]');
    await frame.getByRole("heading", { name: "Hello from the web app" }).waitFor();
  });

  it("skips a step after confirming, and the finish page sums up", async () => {
    for (const title of ["Fenced in by cgroups", "Its own files, the host's kernel"]) {
      await page.getByRole("heading", { name: title }).waitFor();
      await page.getByRole("button", { name: "Skip…" }).click();
      await page.getByRole("dialog", { name: "Skip this step?" }).getByRole("button", { name: "Skip the step" }).click();
      await page.getByText("Step skipped.").waitFor();
      await page.getByRole("button", { name: /Next step →|Finish →/ }).click();
    }
    const summary = page.getByRole("definition");
    await page.getByRole("heading", { name: "You made it through the lab" }).waitFor();
    assert.deepEqual(await summary.allInnerTexts(), ["2 / 5 (40 %)", "1 passed, 2 skipped of 3", "3", "2", "1", await summary.nth(5).innerText()]);
    assert.deepEqual(await page.locator(".step-nav li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-status"))), [null, "passed", "skipped", "skipped", null]);
  });

  it("warns before the environment expires and extends it", async () => {
    fake.expiresAt = new Date(Date.now() + 4 * 60_000).toISOString();
    await page.reload();
    await page.getByRole("heading", { name: "You made it through the lab" }).waitFor();
    const time = page.locator(".player-bar .session-time");
    await page.locator('.player-bar .lab-session-bar[data-warning="true"]').waitFor();
    assert.match(await time.innerText(), /^Ends in [34]:\d\d$/);
    assert.match(await page.getByRole("alert").filter({ hasText: "five minutes" }).innerText(), /Less than five minutes left/);
    await page.getByRole("button", { name: "Extend 30 min" }).click();
    await page.locator('.player-bar .lab-session-bar[data-warning="false"]').waitFor();
    assert.match(await time.innerText(), /^3\d min left$/);
    assert.equal(fake.extended, 1);
    assert.equal(await page.getByRole("tab", { name: "workstation (2)" }).count(), 1, "extra terminals come back after a reload");
  });

  it("sets a display name and shows the link to continue on another device", async () => {
    await page.getByRole("button", { name: "You", exact: true }).click();
    await page.getByLabel("Display name").fill("  Ada  ");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.").waitFor();
    assert.equal(fake.displayName, "Ada");
    assert.equal(await page.getByLabel("Continue on another device").inputValue(), `${site!.url}/resume/fake-token`);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Ada" }).waitFor();
  });

  it("loaded everything, Monaco included, from the site itself, without page errors", () => {
    assert.deepEqual(offsite, []);
    assert.ok(monaco.some((u) => u.endsWith("/vendor/monaco/vs/loader.js")), "Monaco's loader came from the site");
    assert.deepEqual(pageErrors, []);
  });
});

/** Waits for something the fake records on the Node side. */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
