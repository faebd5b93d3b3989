/**
 * clientNodeReader against a small stand-in API server on localhost (node:http): discovery, plain-JSON
 * objects (fields the library's models do not know survive), selectors on the wire, and every failure
 * mapped to a ClusterReadError that names the object and says why. No cluster needed; the same reader runs
 * the shared contract against kind in client-node-reader.integration.test.ts.
 */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { clientNodeReader } from "./client-node-reader";
import { ClusterReadError, type ClusterReader } from "./reader";

const resources = {
  "/api/v1": [
    { name: "pods", namespaced: true, kind: "Pod", verbs: ["get", "list"] },
    { name: "namespaces", namespaced: false, kind: "Namespace", verbs: ["get", "list"] },
  ],
  "/apis/apps/v1": [{ name: "deployments", namespaced: true, kind: "Deployment", verbs: ["get", "list"] }],
} as Record<string, unknown[]>;

const status = (code: number, message: string) => ({ kind: "Status", apiVersion: "v1", status: "Failure", message, code });
const webPod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", creationTimestamp: "2025-01-02T03:04:05Z" },
  spec: { containers: [{ name: "web", image: "nginx" }], fieldFromTheFuture: { enabled: true } },
};

function handle(req: IncomingMessage, res: ServerResponse, seen: string[]): void {
  const url = new URL(req.url ?? "/", "http://x");
  seen.push(`${req.headers.authorization} ${url.pathname}${url.search}`);
  const send = (code: number, body: unknown) => {
    res.writeHead(code, { "content-type": typeof body === "string" ? "text/plain" : "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const list = resources[url.pathname];
  if (list) return send(200, { kind: "APIResourceList", groupVersion: url.pathname.replace(/^\/apis?\//, ""), resources: list });
  switch (url.pathname) {
    case "/api/v1/namespaces/default/pods/web":
      return send(200, webPod);
    case "/api/v1/namespaces/default/pods/secret":
      return send(403, status(403, 'pods "secret" is forbidden: User "grader" cannot get resource "pods"'));
    case "/api/v1/namespaces/boom/pods/x":
      return send(500, "upstream exploded");
    case "/api/v1/namespaces/slow/pods/x":
      return; // never answer
    case "/api/v1/namespaces/default/pods":
    case "/api/v1/pods":
      if (url.searchParams.get("labelSelector") === "app in (") return send(400, status(400, "unable to parse requirement: found '(', expected: identifier"));
      return send(200, { kind: "PodList", apiVersion: "v1", items: [{ metadata: { name: "web", namespace: "default", labels: { app: "web" } } }] });
    case "/namespaces-not-used":
      return send(200, {});
    default:
      return send(404, status(404, "the server could not find the requested resource"));
  }
}

const kubeconfig = (server: string) => `apiVersion: v1
kind: Config
clusters:
  - name: test
    # client-node refuses plain HTTP unless TLS checks are off; the stand-in server speaks HTTP.
    cluster: { server: "${server}", insecure-skip-tls-verify: true }
users:
  - name: grader
    user: { token: sesame }
contexts:
  - name: test
    context: { cluster: test, user: grader }
current-context: test
`;

async function rejectsWith(promise: Promise<unknown>, reason: ClusterReadError["reason"], message: string | RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ClusterReadError, `expected a ClusterReadError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    if (typeof message === "string") assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

describe("clientNodeReader", () => {
  let server: Server;
  let url: string;
  let reader: ClusterReader;
  const seen: string[] = [];

  before(async () => {
    server = createServer((req, res) => handle(req, res, seen));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    reader = clientNodeReader(kubeconfig(url), { requestTimeoutMs: 300 });
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads an object as the API server sent it, with the kubeconfig's credentials", async () => {
    const pod = await reader.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "web" });
    assert.deepEqual(pod, webPod);
    assert.ok(seen.includes("Bearer sesame /api/v1/namespaces/default/pods/web"), seen.join("\n"));
  });

  it("uses the default namespace for a namespaced kind when none is given", async () => {
    assert.ok(await reader.get({ apiVersion: "v1", kind: "Pod", name: "web" }));
  });

  it("answers null for 404", async () => {
    assert.equal(await reader.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "missing" }), null);
  });

  it("sends selectors and adds apiVersion and kind to list items", async () => {
    const pods = await reader.list({ apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app=web", fieldSelector: "status.phase=Running" });
    assert.deepEqual(pods, [{ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default", labels: { app: "web" } } }]);
    assert.ok(seen.some((s) => s.includes("/api/v1/namespaces/default/pods?") && s.includes("labelSelector=app%3Dweb") && s.includes("fieldSelector=status.phase%3DRunning")), seen.join("\n"));
    assert.equal((await reader.list({ apiVersion: "v1", kind: "Pod" })).length, 1, "no namespace: every namespace");
    assert.ok(seen.some((s) => s.endsWith(" /api/v1/pods")));
  });

  it("reports a kind that discovery does not list, or a group that does not exist, as unknown-kind", async () => {
    await rejectsWith(reader.get({ apiVersion: "apps/v1", kind: "Deploymnet", namespace: "default", name: "web" }), "unknown-kind",
      "Deploymnet default/web: the cluster has no kind Deploymnet in apiVersion apps/v1 (a typo, or is its CRD not installed?)");
    await rejectsWith(reader.get({ apiVersion: "example.com/v1", kind: "Widget", namespace: "default", name: "w" }), "unknown-kind",
      "Widget default/w: the cluster has no kind Widget in apiVersion example.com/v1 (a typo, or is its CRD not installed?)");
  });

  it("reports 403 with the API server's reason", async () => {
    await rejectsWith(reader.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "secret" }), "forbidden",
      'Pod default/secret: not allowed to read it (403): pods "secret" is forbidden: User "grader" cannot get resource "pods"');
  });

  it("reports 400 as an invalid request and 500 as a server error", async () => {
    await rejectsWith(reader.list({ apiVersion: "v1", kind: "Pod", namespace: "default", labelSelector: "app in (" }), "invalid-request",
      "Pods in namespace default with labels app in (: the API server rejected the request: unable to parse requirement: found '(', expected: identifier");
    await rejectsWith(reader.get({ apiVersion: "v1", kind: "Pod", namespace: "boom", name: "x" }), "server-error", "Pod boom/x: the API server answered 500: upstream exploded");
  });

  it("gives up on a request that does not answer within its deadline", async () => {
    const started = Date.now();
    await rejectsWith(reader.get({ apiVersion: "v1", kind: "Pod", namespace: "slow", name: "x" }), "timeout", "Pod slow/x: the cluster's API server did not answer within 300ms");
    assert.ok(Date.now() - started < 2000);
  });

  it("stops a request when the caller's signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await rejectsWith(reader.get({ apiVersion: "v1", kind: "Pod", namespace: "slow", name: "x" }, { signal: controller.signal }), "cancelled", "Pod slow/x: the request was cancelled");
  });

  it("reports an API server that is not listening as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = clientNodeReader(kubeconfig(`http://127.0.0.1:${port}`), { requestTimeoutMs: 2000 });
    await rejectsWith(offline.get({ apiVersion: "v1", kind: "Pod", namespace: "default", name: "web" }), "unreachable",
      `Pod default/web: the cluster's API server is not reachable (ECONNREFUSED talking to http://127.0.0.1:${port})`);
  });

  it("rejects a kubeconfig it cannot use", () => {
    assert.throws(() => clientNodeReader("clusters: [oops"), (e: unknown) => e instanceof ClusterReadError && e.reason === "bad-kubeconfig" && /cannot be read/.test(e.message));
    assert.throws(() => clientNodeReader("apiVersion: v1\nkind: Config\nclusters: []\n"), /has no current cluster/);
  });
});
