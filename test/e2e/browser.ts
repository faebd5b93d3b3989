/**
 * Test helpers shared by the end-to-end tests: Debian's Chromium launched the one way that works on these
 * machines (never a downloaded browser), the clean-up that removes whatever Docker objects a test run's
 * runner created, whatever happened in the test, and both together around a running product.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { DockerodeRuntime } from "../../runner/docker/dockerode-runtime";
import { LABEL } from "../../runner/docker/labels";
import { startProduct, type RunningProduct } from "./product";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PRAXIS_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/** Removes every container and network labelled with this runner id (a test's own runner). */
export async function removeRunnerObjects(runnerId: string, runtime = new DockerodeRuntime()): Promise<void> {
  for (const c of await runtime.listContainers({ [LABEL.runner]: runnerId })) await runtime.removeContainer(c.id).catch(() => {});
  for (const n of await runtime.listNetworks({ [LABEL.runner]: runnerId })) await runtime.removeNetwork(n.id).catch(() => {});
}

export interface ProductUnderTest {
  product: RunningProduct;
  browser: Browser;
  dataDir: string;
  /** Closes the browser, stops the product, and removes what the run left: containers, networks, data. */
  stop(): Promise<void>;
}

/** The real product (`npm start`'s entry) on a fresh data dir under this runner id, and Chromium beside it. */
export async function startProductAndBrowser(runnerId: string, env: Record<string, string> = {}): Promise<ProductUnderTest> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `praxis-${runnerId}-`));
  const product = await startProduct({ PRAXIS_DATA_DIR: dataDir, PRAXIS_RUNNER_ID: runnerId, ...env });
  const browser = await launchChromium().catch(async (err: unknown) => {
    await product.stop();
    throw err;
  });
  return {
    product,
    browser,
    dataDir,
    async stop() {
      await browser.close();
      await product.stop();
      await removeRunnerObjects(runnerId);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
