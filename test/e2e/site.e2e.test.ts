/**
 * End-to-end: the built site in a real browser. Starts `next start` on a free port (PRAXIS_DATA_DIR in a temp
 * dir), drives Debian's chromium through playwright-core, and checks the path a learner takes: catalog -> filter
 * by topic -> lab page with its Mermaid diagram drawn as SVG -> a guide with its diagram, plus the site chrome (theme
 * switch, icon, the footer's way in for instructors). Expects `.next` built.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { loadGuides } from "../../labs/guides/index";
import { loadLab, loadLabs, type Lab } from "../../labs/index";
import { sortLabs } from "../../app/_server/catalog";
import { migrateDatabase } from "../../prisma/db";
import { REPO_ROOT, startSite, type RunningSite } from "./server";
import { launchChromium } from "./browser";

const SAMPLE_LAB = "first-container";

describe("site (e2e)", { timeout: 180_000 }, () => {
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let dataDir: string;
  let lab: Lab;
  const pageErrors: string[] = [];

  before(async () => {
    const loaded = await loadLab(path.join(REPO_ROOT, "content", "labs", SAMPLE_LAB));
    assert.ok(loaded.lab, `sample lab must load: ${JSON.stringify(loaded.diagnostics)}`);
    lab = loaded.lab;
    dataDir = await mkdtemp(path.join(tmpdir(), "praxis-e2e-"));
    await migrateDatabase({ dataDir }); // `next start` alone does not migrate; npm start does (sign-in needs the tables)
    // A second labs directory with one broken lab: the catalog must still serve the sample and show a notice.
    const brokenLabs = path.join(dataDir, "labs");
    await mkdir(path.join(brokenLabs, "broken-lab"), { recursive: true });
    await writeFile(path.join(brokenLabs, "broken-lab", "lab.yaml"), "apiVersion: praxis.dev/v1alpha1\nkind: Lab\nmetadata: [\n");
    const labsDirs = [path.join(REPO_ROOT, "content", "labs"), brokenLabs].join(path.delimiter);
    site = await startSite({ PRAXIS_DATA_DIR: dataDir, PRAXIS_LABS_DIRS: labsDirs });
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => {
      // Next 15.5 intermittently fails to hydrate a streamed, dynamic document even when the served HTML and
      // the client render are identical (we diffed them; upstream: vercel/next.js#96371). React recovers by
      // rendering on the client, and the theme survives that (ThemeToggle re-applies it), so this one
      // recoverable error is tolerated; every other page error still fails the suite.
      if (/Minified React error #418;.*args\[\]=HTML/.test(error.message)) return;
      pageErrors.push(error.message);
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await site?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("shows the sample lab on the catalog and filters by topic", async () => {
    await page.goto(`${site!.url}/`);
    const card = page.locator(`[data-lab-id="${SAMPLE_LAB}"]`);
    await card.waitFor();
    assert.equal(await card.locator("h2").innerText(), lab.metadata.title);
    const notice = page.getByRole("region", { name: "Some content could not be loaded" });
    await notice.getByText("Show problems").click();
    assert.match(await notice.innerText(), /broken-lab[\\/]lab\.yaml:\d+:\d+: /);

    const topic = lab.metadata.topics[0]!;
    const filters = page.getByRole("navigation", { name: "Filter labs" });
    await filters.getByRole("link", { name: topic, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("topic") === topic);
    assert.equal(await filters.getByRole("link", { name: topic, exact: true }).getAttribute("aria-current"), "true");
    await card.waitFor();

    // A malformed filter value (hand-edited URL) is ignored rather than hiding every lab.
    await page.goto(`${site!.url}/?topic=${encodeURIComponent(topic)}&difficulty=__none__`);
    await card.waitFor();
  });

  it("opens the lab page with every step and the Mermaid diagram rendered as SVG", async () => {
    await page.goto(`${site!.url}/?topic=${encodeURIComponent(lab.metadata.topics[0]!)}`);
    await page.getByRole("link", { name: lab.metadata.title, exact: true }).click();
    await page.waitForURL(`**/labs/${SAMPLE_LAB}`);
    assert.equal(await page.locator("h1").innerText(), lab.metadata.title);
    for (const step of lab.steps) {
      assert.ok(await page.locator(`#step-${step.id}`).isVisible(), `step ${step.id} is shown`);
    }
    // The launcher (app/_ui/lab-session) offers Start once it knows there is no live session.
    await page.getByRole("button", { name: "Start lab" }).waitFor();
    await page.locator('.mermaid-diagram[data-rendered="true"] svg').first().waitFor();
  });

  it("wires run blocks: without a started lab, Run copies the command and says so", async () => {
    const run = page.locator("[data-run-button]").first();
    await run.click();
    await page.waitForFunction(() => document.querySelector("[data-run-button]")?.getAttribute("data-feedback") !== null);
    assert.match((await run.getAttribute("data-feedback")) ?? "", /^Copied|^Copy failed/);
    assert.match(await page.getByRole("status").last().innerText(), /Copied|Copy failed/);
  });

  it("persists the dark-mode choice across a reload and redraws diagrams", async () => {
    const toggle = page.getByRole("switch", { name: "Dark mode" });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
    // aria-checked is corrected after hydration, so wait for it to match the theme in effect rather than read it once.
    const checkedFor = (t: string) => page.waitForFunction((v) => document.querySelector(".theme-toggle")?.getAttribute("aria-checked") === v, t === "dark" ? "true" : "false");
    const before = await theme();
    await checkedFor(before);
    await toggle.click();
    const expected = before === "dark" ? "light" : "dark";
    assert.equal(await theme(), expected);
    await checkedFor(expected);
    await page.reload();
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, expected, { timeout: 5_000 });
    await checkedFor(expected);
    await page.locator('.mermaid-diagram[data-rendered="true"] svg').first().waitFor();
  });

  it("lists beginner labs first on the catalog", async () => {
    await page.goto(`${site!.url}/`);
    const { labs } = await loadLabs([path.join(REPO_ROOT, "content", "labs")]);
    const shown = await page.locator("[data-lab-id]").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.labId));
    assert.deepEqual(shown, sortLabs(labs).map((l) => l.metadata.id));
    assert.equal(labs.find((l) => l.metadata.id === shown[0])?.metadata.difficulty, "beginner");
  });

  it("serves a site icon", async () => {
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    assert.ok(href, "the page links an icon");
    const response = await page.request.get(new URL(href, site!.url).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"] ?? "", /^image\//);
  });

  it("leads instructors from the footer to sign-in, which sends a fresh install to setup", async () => {
    await page.getByRole("contentinfo").getByRole("link", { name: "Instructor sign-in" }).click();
    await page.waitForURL("**/setup");
    assert.equal(await page.locator("h1").innerText(), "Set up Praxis");
  });

  it("answers 404 for an unknown lab", async () => {
    const response = await page.goto(`${site!.url}/labs/no-such-lab`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator("h1").innerText(), "Lab not found");
  });

  it("opens a guide from the index and renders its Mermaid diagram as SVG", async () => {
    const { guides } = await loadGuides(path.join(REPO_ROOT, "content", "guides"));
    const guide = guides.find((g) => g.markdown.includes("```mermaid"));
    assert.ok(guide, "at least one guide has a Mermaid diagram");
    await page.goto(`${site!.url}/guides`);
    await page.getByRole("link", { name: guide.title, exact: true }).click();
    await page.waitForURL(`**/guides/${guide.slug}`);
    assert.equal(await page.locator("h1").innerText(), guide.title);
    await page.locator('.mermaid-diagram[data-rendered="true"] svg').first().waitFor();
    assert.equal(await page.locator('.mermaid-diagram[data-rendered="error"]').count(), 0);
  });

  it("raised no uncaught errors in the browser", () => {
    assert.deepEqual(pageErrors, []);
  });
});
