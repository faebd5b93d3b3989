/**
 * End-to-end: a lab's web service that uses a WebSocket, in the player's service tab, on the whole product
 * (npm start's server, real runner, real Docker, Chromium). The host runs a Perl WebSocket echo server
 * (runner/services/testing/ws-echo-server.pl); its page, proxied into the tab, opens a WebSocket to its own
 * path and shows the echo; its endless server-sent event stream reaches the page event by event. Another learner cannot open that WebSocket, nor can another site's page holding
 * the learner's cookies (Origin check).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import NodeWebSocket from "ws";
import { startProductAndBrowser } from "./browser";
import type { RunningProduct } from "./product";
import { REPO_ROOT } from "./server";

const LAB = "ws-echo";
const LAB_YAML = `apiVersion: praxis.dev/v1alpha1
kind: Lab
metadata:
  id: ${LAB}
  title: A WebSocket service
  summary: A host serves a page that talks to it over a WebSocket.
  topics: [web]
  difficulty: beginner
  estimatedMinutes: 5
environment:
  hosts:
    - name: workstation
      image: praxis/workstation
      files:
        - source: ws-echo-server.pl
          target: /usr/local/bin/ws-echo
          mode: "0755"
      setup:
        - run: |
            setsid perl /usr/local/bin/ws-echo 8080 </dev/null >/dev/null 2>&1 &
            for i in $(seq 100); do bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080' 2>/dev/null && exit 0; sleep 0.1; done
            echo "the echo server did not start" >&2; exit 1
      terminal: true
      ports:
        - port: 8080
          name: Echo
steps:
  - id: look
    title: Look at the echo
    checks:
      - kind: script
        name: The page was served
        run: test -e /tmp/never
`;

/** In the page: tries a WebSocket to `url`; "open" or "refused". */
function tryWebSocket(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (u) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(u);
        ws.onopen = () => {
          ws.close();
          resolve("open");
        };
        ws.onerror = () => resolve("refused");
      }),
    url,
  );
}

/** Opens a WebSocket from Node with the given headers: 101 when it opened, else the refusal's status. */
function nodeWebSocket(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(url, { headers });
    ws.once("open", () => {
      ws.close();
      resolve(101);
    });
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", reject);
  });
}

describe("a lab's WebSocket service in the player (e2e)", { timeout: 240_000 }, () => {
  const runnerId = `e2e-${randomBytes(3).toString("hex")}`;
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let stopAll: (() => Promise<void>) | undefined;
  let page: Page;
  let serviceUrl = "";
  let labs = "";

  before(async () => {
    labs = await mkdtemp(path.join(tmpdir(), "praxis-ws-labs-"));
    await mkdir(path.join(labs, LAB, "steps", "look"), { recursive: true });
    await writeFile(path.join(labs, LAB, "lab.yaml"), LAB_YAML);
    await writeFile(path.join(labs, LAB, "steps", "look", "index.md"), "Open the **Echo** tab.\n");
    await copyFile(path.join(REPO_ROOT, "runner", "services", "testing", "ws-echo-server.pl"), path.join(labs, LAB, "ws-echo-server.pl"));
    ({ product, browser, stop: stopAll } = await startProductAndBrowser(runnerId, { PRAXIS_LABS_DIRS: labs }));
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
  });

  after(async () => {
    await stopAll?.();
    if (labs) await rm(labs, { recursive: true, force: true });
  });

  it("shows the service's page, whose WebSocket echoes through the site, the runner and the host", async () => {
    await page.goto(`${product!.url}/labs/${LAB}`);
    await page.getByRole("button", { name: "Start lab" }).click();
    await page.waitForURL(`**/labs/${LAB}/play`);
    await page.locator('.terminal-status[data-status="open"]').waitFor();
    await page.getByRole("tab", { name: /Echo/ }).click();
    const frame = page.frameLocator('iframe[title="Echo on workstation, port 8080"]');
    await frame.getByRole("heading", { name: "WebSocket echo" }).waitFor();
    await frame.getByText("echo: hello 42").waitFor();
    const src = await page.locator('iframe[title="Echo on workstation, port 8080"]').getAttribute("src");
    serviceUrl = new URL(`${src!.replace(/\/?$/, "/")}socket`, product!.url).href.replace(/^http/, "ws");
    assert.equal(await tryWebSocket(page, serviceUrl), "open");
  });

  it("streams the service's server-sent events to the page as they come", async () => {
    assert.ok(serviceUrl, "the first test found the service's URL");
    const eventsUrl = serviceUrl.replace(/^ws/, "http").replace(/socket$/, "events");
    // The stream never ends, so a proxy that waited for the whole answer would deliver nothing at all.
    const ticks = await page.evaluate(
      (u) =>
        new Promise<string[]>((resolve, reject) => {
          const seen: string[] = [];
          const source = new EventSource(u);
          source.onmessage = (e) => {
            seen.push(e.data);
            if (seen.length === 3) (source.close(), resolve(seen));
          };
          source.onerror = () => (source.close(), reject(new Error(`EventSource failed after ${JSON.stringify(seen)}`)));
        }),
      eventsUrl,
    );
    assert.deepEqual(ticks, ["tick 1", "tick 2", "tick 3"]);
  });

  it("refuses the WebSocket to another learner and to another site's page", async () => {
    assert.ok(serviceUrl, "the first test found the service's WebSocket URL");
    const stranger = await browser!.newPage();
    await stranger.goto(`${product!.url}/`);
    assert.equal(await tryWebSocket(stranger, serviceUrl), "refused", "someone else's session");
    // The learner's own cookies, sent from another site's page: turned away by the Origin check (403).
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    assert.equal(await nodeWebSocket(serviceUrl, { cookie, origin: "http://elsewhere.test" }), 403);
    assert.equal(await nodeWebSocket(serviceUrl, { cookie, origin: product!.url }), 101, "the same request from the site's own origin");
    await stranger.close();
  });
});
