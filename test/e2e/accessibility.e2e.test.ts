/**
 * End-to-end accessibility audit: axe-core (WCAG 2.1 A and AA rules) in real Chromium on every kind of page a
 * learner or an instructor sees — catalog, lab, guides, join (and a workshop's labs once joined), sign-in, the
 * instructor's workshops, a workshop's dashboard, the admin page and the lab player (intro, a step with hints and check results, the editor, the
 * finish page) — in the light and the dark theme, at 1280×800 (a 13" laptop). The player runs against the fake
 * player API, so no runner or Docker is needed. The insides of xterm.js and Monaco are excluded: they are
 * third-party widgets with their own accessibility modes; our chrome around them is audited.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { migrateDatabase } from "../../prisma/db";
import { FakePlayerApi } from "./fake-player-api";
import { createInstructor } from "./instructor";
import { REPO_ROOT, startSite, type RunningSite } from "./server";
import { launchChromium } from "./browser";

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const LAB = "first-container";
const THEMES = ["light", "dark"] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe on the page as it is now; answers one readable line per offending element. */
async function audit(page: Page, where: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(
      { exclude: [[".xterm"], [".monaco-editor"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] },
    );
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300)}`));
}

/** Every page of a walk is audited before failing, so one run lists all of its problems. */
function assertNone(problems: string[]): void {
  assert.deepEqual(problems, [], `${problems.length} accessibility problems:\n${problems.join("\n")}`);
}

describe("accessibility (axe, WCAG 2.1 AA, e2e)", { timeout: 300_000 }, () => {
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  let dir = "";

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-a11y-"));
    await migrateDatabase({ dataDir: dir }); // `next start` alone does not migrate; npm start does
    // A runner that is configured but never answers: the pages a runner outage touches (dashboard, admin)
    // must still render, and accessibly.
    site = await startSite({ PRAXIS_DATA_DIR: dir, PRAXIS_LABS_DIRS: path.join(REPO_ROOT, "content", "labs"), PRAXIS_RUNNER_URL: "http://127.0.0.1:9", PRAXIS_RUNNER_TOKEN: "t".repeat(40) });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function themed(theme: (typeof THEMES)[number]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return { context, page };
  }

  for (const theme of THEMES) {
    it(`public pages pass in the ${theme} theme`, async () => {
      const { context, page } = await themed(theme);
      const problems: string[] = [];
      for (const route of ["/", `/labs/${LAB}`, "/guides", "/guides/containerd-2", "/join", "/login"]) {
        await page.goto(`${site!.url}${route}`);
        await page.locator("main").waitFor();
        problems.push(...(await audit(page, `${theme} ${route}`)));
      }
      // A wrong code is a page of its own: heading, the problem in words, the code form again.
      await page.goto(`${site!.url}/join/ZZZ999`);
      await page.getByRole("heading", { name: "No workshop with that code" }).waitFor();
      assert.equal(await page.getByLabel("Workshop code").inputValue(), "ZZZ-999");
      problems.push(...(await audit(page, `${theme} /join/<wrong code>`)));
      await context.close();
      assertNone(problems);
    });

    it(`the lab player passes in the ${theme} theme: intro, a step with hints and results, editor, finish`, async () => {
      const { context, page } = await themed(theme);
      const problems: string[] = [];
      const fake = new FakePlayerApi(LAB, [
        { id: "processes", checks: ["PID 1 is named in /root/pid1.txt", "The worker's PID is in /root/worker-pid.txt"], hints: 3 },
        { id: "limits", checks: ["The memory limit is in /root/memory-limit.txt"], hints: 3 },
        { id: "filesystem", checks: ["The codeword is in /root/codeword.txt", "The kernel release is in /root/kernel.txt"], hints: 3 },
      ]);
      fake.files.set("/root/welcome.txt", "Welcome!\n");
      await fake.install(page);
      await page.goto(`${site!.url}/labs/${LAB}/play`);
      await page.getByRole("button", { name: "Start step 1 →" }).waitFor();
      problems.push(...(await audit(page, `${theme} player intro`)));

      await page.getByRole("button", { name: "Start step 1 →" }).click();
      await page.locator('.step-page .mermaid-diagram[data-rendered="true"] svg').waitFor();
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await page.locator('.check-results[data-result="failed"]').waitFor();
      await page.getByRole("button", { name: /hint/i }).first().click();
      problems.push(...(await audit(page, `${theme} player step`)));

      await page.getByRole("tab", { name: /Editor/ }).click();
      await page.getByRole("button", { name: "welcome.txt" }).click();
      await page.locator(".monaco-editor").waitFor();
      problems.push(...(await audit(page, `${theme} player editor`)));

      for (const [n, title] of ["A process tree of its own", "Fenced in by cgroups", "Its own files, the host's kernel"].entries()) {
        await page.getByRole("heading", { name: title }).waitFor();
        await page.getByRole("button", { name: "Skip…" }).click();
        const dialog = page.getByRole("dialog", { name: "Skip this step?" });
        await dialog.waitFor();
        if (n === 0) problems.push(...(await audit(page, `${theme} player skip dialog`)));
        await dialog.getByRole("button", { name: "Skip the step" }).click();
        await page.getByText("Step skipped.").waitFor();
        await page.getByRole("button", { name: /Next step →|Finish →/ }).click();
      }
      await page.getByRole("heading", { name: "You made it through the lab" }).waitFor();
      problems.push(...(await audit(page, `${theme} player finish`)));
      await context.close();
      assertNone(problems);
    });

    it(`the instructor's pages pass in the ${theme} theme: workshops, new workshop, dashboard, admin`, async () => {
      const { context, page } = await themed(theme);
      const problems: string[] = [];
      await createInstructor(site!, page, { email: "admin@example.org", password: "correct horse battery staple", displayName: "Ada" });
      await page.goto(`${site!.url}/instructor/workshops`);
      await page.locator("main").waitFor();
      problems.push(...(await audit(page, `${theme} /instructor/workshops`)));
      await page.goto(`${site!.url}/instructor/workshops/new`);
      await page.getByLabel("Title").waitFor();
      problems.push(...(await audit(page, `${theme} /instructor/workshops/new`)));
      await page.getByLabel("Title").fill(`Audit ${theme}`);
      await page.getByLabel("Your first container").check();
      await page.getByRole("button", { name: "Create workshop" }).click();
      await page.waitForURL(/\/instructor\/workshops\/[^/]+$/);
      await page.locator("main").waitFor();
      problems.push(...(await audit(page, `${theme} workshop dashboard`)));
      const joinCode = (await page.getByTestId("join-code").textContent())!;

      // A learner joining that workshop: the name form, then the workshop's labs.
      const learner = await themed(theme);
      await learner.page.goto(`${site!.url}/join/${joinCode.replace("-", "")}`);
      await learner.page.getByLabel(/Your name/).waitFor();
      problems.push(...(await audit(learner.page, `${theme} /join/<code>`)));
      await learner.page.getByLabel(/Your name/).fill(`Grace ${theme}`);
      await learner.page.getByRole("button", { name: "Join" }).click();
      await learner.page.getByRole("link", { name: "Your first container" }).waitFor();
      problems.push(...(await audit(learner.page, `${theme} workshop labs`)));
      await learner.context.close();
      await page.reload();
      await page.locator(`tr[data-learner="Grace ${theme}"] .row-actions`).waitFor();
      problems.push(...(await audit(page, `${theme} workshop dashboard with a learner`)));
      await page.goto(`${site!.url}/admin`);
      await page.locator("main").waitFor();
      problems.push(...(await audit(page, `${theme} /admin`)));
      await context.close();
      assertNone(problems);
    });
  }
});
