/**
 * The app side of the web-service proxy, with the in-memory runner: only the owner and only declared
 * ports get through, the path reaches the service raw, Praxis cookies and credentials stay behind,
 * and redirects and cookies the service sets are re-scoped under the proxy prefix (Praxis cookies never pass).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { LabSessionError } from "../runner-client";
import { playerBed, type PlayerBed } from "./fixtures/harness";
import { rewriteLocation, rewriteSetCookie, serviceBasePath, serviceRequestHeaders } from "./proxy-headers";
import { proxyService, serviceTarget } from "./service-proxy";

const COOKIE = "praxis_learner";

describe("service proxy (app side)", () => {
  let bed: PlayerBed;
  before(async () => {
    bed = await playerBed();
  });
  after(() => bed.close());

  it("parses the target, keeping the rest of the path undecoded with its query and trailing slash", () => {
    const t = serviceTarget(new URL("http://site/api/sessions/s%201/services/box/8080/a%2Fb/c/?q=1&r=%20"));
    assert.deepEqual(t, { sessionId: "s 1", host: "box", port: 8080, target: "/a%2Fb/c/?q=1&r=%20" });
    assert.equal(serviceTarget(new URL("http://site/api/sessions/s1/services/box/8080")).target, "/");
    for (const port of ["0", "65536", "80x", "-1"]) {
      assert.throws(() => serviceTarget(new URL(`http://site/api/sessions/s1/services/box/${port}/`)), (e: unknown) => e instanceof LabSessionError && e.kind === "bad_request");
    }
  });

  it("keeps Praxis's cookies (learner, instructor, CSRF) and credentials from the service", () => {
    const headers = new Headers({ cookie: `theme=dark; ${COOKIE}=secret; app=1`, authorization: "Basic x", "accept-encoding": "gzip", connection: "keep-alive", accept: "text/html", "x-praxis-service": "1" });
    assert.deepEqual(serviceRequestHeaders(headers), [["accept", "text/html"], ["cookie", "theme=dark; app=1"]]);
    assert.deepEqual(serviceRequestHeaders(new Headers({ cookie: `${COOKIE}=secret; praxis_instructor=token; praxis_csrf=c` })), []);
  });

  it("re-roots redirects and cookies under the prefix", () => {
    const base = "/api/sessions/s1/services/box/8080";
    assert.equal(rewriteLocation("/login?next=/", base, 8080), `${base}/login?next=/`);
    assert.equal(rewriteLocation("http://localhost:8080/a#x", base, 8080), `${base}/a#x`);
    assert.equal(rewriteLocation("http://127.0.0.1:9999/a", base, 8080), "http://127.0.0.1:9999/a");
    assert.equal(rewriteLocation("https://example.org/", base, 8080), "https://example.org/");
    assert.equal(rewriteLocation("next/page", base, 8080), "next/page");
    assert.equal(rewriteLocation("//evil.example/", base, 8080), "//evil.example/");
    assert.equal(rewriteSetCookie("sid=1; Path=/admin; Domain=localhost; HttpOnly", base), `sid=1; HttpOnly; Path=${base}/admin`);
    assert.equal(rewriteSetCookie("sid=1", base), `sid=1; Path=${base}/`);
    assert.equal(rewriteSetCookie(`${COOKIE}=stolen; Path=/`, base), null);
    assert.equal(rewriteSetCookie("praxis_instructor=forged", base), null);
  });

  it("proxies to a declared port of the owner's session and rewrites the answer", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const base = serviceBasePath(sessionId, "box", 8080);
    bed.runner.serviceJudge = () => {
      const headers = new Headers({ "x-praxis-service": "1", location: "/next", "content-type": "text/plain", "content-length": "5" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", `${COOKIE}=evil`);
      return new Response("hello", { status: 302, headers });
    };
    const req = new Request(`http://site${base}/form/?x=1`, { method: "POST", body: "name=ada", headers: { cookie: `${COOKIE}=secret`, "content-type": "application/x-www-form-urlencoded" } });
    const res = await proxyService(bed.deps, learner, serviceTarget(new URL(req.url)), req);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), `${base}/next`);
    assert.deepEqual(res.headers.getSetCookie(), [`a=1; Path=${base}/`]);
    assert.equal(res.headers.get("x-praxis-service"), null);
    assert.equal(res.headers.get("cache-control"), "private, no-cache");
    assert.equal(await res.text(), "hello");
    const call = bed.runner.serviceCalls.at(-1)!;
    assert.deepEqual([call.host, call.port, call.req.method, call.req.target], ["box", 8080, "POST", "/form/?x=1"]);
    assert.equal(new TextDecoder().decode(call.req.body), "name=ada");
    assert.deepEqual(call.req.headers, [["content-type", "application/x-www-form-urlencoded"]]);

    const head = await proxyService(bed.deps, learner, serviceTarget(new URL(`http://site${base}/`)), new Request(`http://site${base}/`, { method: "HEAD" }));
    assert.equal(head.body, null);
  });

  it("answers 'not found' for undeclared ports, unknown hosts and anyone else's session", async () => {
    const { learner, sessionId } = await bed.learnerWithSession();
    const { learner: stranger } = await bed.learnerWithSession();
    const calls = bed.runner.serviceCalls.length;
    const attempt = (who: string, host: string, port: number) =>
      proxyService(bed.deps, who, { sessionId, host, port, target: "/" }, new Request("http://site/"));
    await assert.rejects(attempt(learner, "box", 22), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found" && /declares no web service on port 22/.test(e.message));
    await assert.rejects(attempt(learner, "ghost", 8080), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found");
    await assert.rejects(attempt(stranger, "box", 8080), (e: unknown) => e instanceof LabSessionError && e.kind === "not_found" && /no session/.test(e.message));
    assert.equal(bed.runner.serviceCalls.length, calls, "nothing reached the runner");
  });
});
