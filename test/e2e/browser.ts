/**
 * Test helpers shared by the end-to-end tests: Debian's Chromium launched the one way that works on these
 * machines (never a downloaded browser), and the clean-up that removes whatever Docker objects a test run's
 * runner created, whatever happened in the test.
 */
import { chromium, type Browser } from "playwright-core";
import { DockerodeRuntime } from "../../runner/docker/dockerode-runtime";
import { LABEL } from "../../runner/docker/labels";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PRAXIS_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/** Removes every container and network labelled with this runner id (a test's own runner). */
export async function removeRunnerObjects(runnerId: string, runtime = new DockerodeRuntime()): Promise<void> {
  for (const c of await runtime.listContainers({ [LABEL.runner]: runnerId })) await runtime.removeContainer(c.id).catch(() => {});
  for (const n of await runtime.listNetworks({ [LABEL.runner]: runnerId })) await runtime.removeNetwork(n.id).catch(() => {});
}
