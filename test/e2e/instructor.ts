/**
 * E2E helper: signs a Playwright page in as an instructor through the real UI. On a fresh product the
 * first call fills the /setup form (that account becomes the admin); later calls use /login. Resolves
 * once the browser has left the form, i.e. holds the session cookies.
 */
import type { Page } from "playwright-core";

export interface InstructorCredentials {
  email: string;
  password: string;
  displayName?: string;
}

export async function createInstructor(product: { url: string }, page: Page, credentials: InstructorCredentials): Promise<void> {
  await page.goto(`${product.url}/login`);
  await page.waitForURL(/\/(login|setup)(\?|$)/);
  const setup = new URL(page.url()).pathname === "/setup";
  if (setup && credentials.displayName) await page.getByLabel("Your name").fill(credentials.displayName);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: setup ? "Create admin account" : "Sign in" }).click();
  await page.waitForURL((url) => !/^\/(login|setup)$/.test(url.pathname), { timeout: 30_000 });
}
