/**
 * End-to-end: instructor accounts on the whole product as `npm start` runs it (real runner, real Docker,
 * Chromium). The first visitor sets Praxis up and becomes the admin; the session cookie is HttpOnly and
 * the CSRF cookie is not; a mutating request without the CSRF header (or from another origin) is refused
 * while the same request done right succeeds; /admin lists a learner's running first-container session
 * with the host's capacity and stops it (its containers go); sign-out ends the session for good; five
 * wrong passwords lock the account out with 429 + Retry-After, also for the right password.
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
const ADMIN = { email: "admin@example.org", password: "a long admin passphrase", displayName: "Ada Admin" };

describe("instructor accounts, CSRF, admin page and login rate limit (e2e)", { timeout: 300_000 }, () => {
  const runtime = new DockerodeRuntime();
  const runnerId = `e2e-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let stopAll: (() => Promise<void>) | undefined;
  let sessionId = "";

  before(async () => {
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId));
    admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await admin.newPage();
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await stopAll?.();
  });

  const post = (ctx: BrowserContext, url: string, data: unknown, headers: Record<string, string> = {}) =>
    ctx.request.post(`${product.url}${url}`, { data, headers: { origin: product.url, ...headers }, failOnStatusCode: false });

  it("sets up the first account as admin through /setup, then closes setup", async () => {
    await createInstructor(product, page, ADMIN);
    assert.equal(new URL(page.url()).pathname, "/admin");
    await page.getByRole("heading", { name: "Admin", exact: true }).waitFor();
    await page.getByTestId("admin-accounts").getByText(ADMIN.email).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Instructor" }).waitFor();
    await nav.getByRole("button", { name: "Sign out" }).waitFor();

    const cookies = await admin.cookies();
    const session = cookies.find((c) => c.name === "praxis_instructor");
    const csrf = cookies.find((c) => c.name === "praxis_csrf");
    assert.ok(session?.httpOnly, "session cookie is HttpOnly");
    assert.equal(session?.sameSite, "Lax");
    assert.equal(session?.value.length, 43);
    assert.ok(csrf && !csrf.httpOnly, "CSRF cookie is readable by the page");

    const again = await post(admin, "/api/auth/setup", { email: "late@example.org", password: "another long password" });
    assert.equal(again.status(), 409);
  });

  it("refuses mutating requests without the CSRF header or from another origin, and accepts them done right", async () => {
    const csrf = (await admin.cookies()).find((c) => c.name === "praxis_csrf")!.value;
    const account = { email: "ins@example.org", password: "instructor passphrase" };
    const noHeader = await post(admin, "/api/admin/accounts", account);
    assert.equal(noHeader.status(), 403);
    assert.equal(((await noHeader.json()) as { error: { code: string } }).error.code, "csrf");
    assert.equal((await post(admin, "/api/admin/accounts", account, { "x-praxis-csrf": "wrong" })).status(), 403);
    assert.equal((await post(admin, "/api/admin/accounts", account, { "x-praxis-csrf": csrf, origin: "https://evil.example" })).status(), 403);
    assert.equal((await post(admin, "/api/auth/login", { email: ADMIN.email, password: ADMIN.password }, { origin: "https://evil.example" })).status(), 403);
    // Reads need no token; the refused creation really did not happen.
    const list = (await (await admin.request.get(`${product.url}/api/admin/accounts`)).json()) as { accounts: { email: string }[] };
    assert.deepEqual(list.accounts.map((a) => a.email), [ADMIN.email]);

    const created = await post(admin, "/api/admin/accounts", account, { "x-praxis-csrf": csrf });
    assert.equal(created.status(), 201);
    // An instructor is not an admin.
    const instructor = await browser.newContext();
    try {
      assert.equal((await post(instructor, "/api/auth/login", account)).status(), 200);
      assert.equal((await instructor.request.get(`${product.url}/api/admin/sessions`, { failOnStatusCode: false })).status(), 403);
      assert.equal((await instructor.request.get(`${product.url}/api/auth/me`)).status(), 200);
    } finally {
      await instructor.close();
    }
  });

  it("lists a learner's running first-container session on /admin with capacity, and stops it", async () => {
    const learner = await browser.newContext();
    try {
      assert.equal((await learner.request.put(`${product.url}/api/me`, { data: { displayName: "Lin Learner" } })).status(), 200);
      const started = await learner.request.post(`${product.url}/api/labs/${LAB}/session`, { failOnStatusCode: false });
      assert.equal(started.status(), 201, await started.text());
      sessionId = ((await started.json()) as { session: { id: string } }).session.id;
      for (let i = 0; ; i++) {
        const body = (await (await learner.request.get(`${product.url}/api/labs/${LAB}/session`)).json()) as { session: { state: string } | null };
        if (body.session?.state === "ready") break;
        assert.ok(i < 240 && body.session !== null, `session never became ready: ${JSON.stringify(body)}\n${product.output().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await learner.close();
    }

    await page.goto(`${product.url}/admin`);
    const row = page.locator(`tr[data-session-id="${sessionId}"]`);
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    assert.deepEqual(cells.slice(0, 4), [LAB, "Lin Learner", "self-paced", "ready"]);
    assert.match(cells[4]!, /min/);
    assert.match((await page.getByTestId("capacity-sessions").textContent()) ?? "", /^1 of \d+$/);

    const containers = () => runtime.listContainers({ [LABEL.session]: sessionId });
    assert.ok((await containers()).length > 0, "the session has containers");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: /^Stop / }).click();
    await row.waitFor({ state: "detached", timeout: 60_000 });
    for (let i = 0; (await containers()).length > 0; i++) {
      assert.ok(i < 60, "containers still present after stop");
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  it("signs out: the cookies go and the old session token no longer works", async () => {
    const old = (await admin.cookies()).find((c) => c.name === "praxis_instructor")!;
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login");
    assert.equal((await admin.cookies()).some((c) => c.name === "praxis_instructor" && c.value), false);
    await page.goto(`${product.url}/admin`);
    await page.waitForURL(/\/login\?next=(%2F|\/)admin$/);

    const replay = await browser.newContext();
    try {
      await replay.addCookies([{ name: old.name, value: old.value, url: product.url }]);
      assert.equal((await replay.request.get(`${product.url}/api/auth/me`, { failOnStatusCode: false })).status(), 401);
    } finally {
      await replay.close();
    }
  });

  it("locks an account out after five wrong passwords: 429 with Retry-After, even for the right password", async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await post(admin, "/api/auth/login", { email: ADMIN.email, password: `wrong password ${i}` });
      assert.equal(res.status(), 401, `attempt ${i}`);
    }
    const locked = await post(admin, "/api/auth/login", { email: ADMIN.email, password: ADMIN.password });
    assert.equal(locked.status(), 429);
    const retryAfter = Number(locked.headers()["retry-after"]);
    assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);

    await page.goto(`${product.url}/login`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 15 minutes." }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/login");
  });
});
