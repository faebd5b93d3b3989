/** The CSRF checks: Origin must be this site, and the header must match the cookie and the session. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkCsrf, checkOrigin, CSRF_HEADER } from "./csrf";
import { AuthError } from "./errors";
import { csrfTokenFor, newSessionToken } from "./tokens";

const SITE = "http://localhost:3000";
const session = newSessionToken();
const good = csrfTokenFor(session);

function req(method: string, headers: Record<string, string>, url = `${SITE}/api/admin/accounts`): Request {
  return new Request(url, { method, headers });
}
const check = (r: Request, cookieToken: string | null = good) => checkCsrf(r, { sessionToken: session, cookieToken: cookieToken ?? undefined, publicOrigins: [SITE] });
const isCsrf = (err: unknown) => err instanceof AuthError && err.kind === "csrf" && err.status === 403;

describe("CSRF protection", () => {
  it("lets safe methods through without any token", () => {
    assert.doesNotThrow(() => check(req("GET", {}), null));
    assert.doesNotThrow(() => check(req("HEAD", {}), null));
  });

  it("accepts a same-origin mutating request with the matching double-submit token", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) assert.doesNotThrow(() => check(req(method, { origin: SITE, [CSRF_HEADER]: good })));
  });

  it("refuses a missing header, a header not matching the cookie, or a cookie/header pair from another session", () => {
    assert.throws(() => check(req("POST", { origin: SITE })), isCsrf);
    assert.throws(() => check(req("POST", { origin: SITE, [CSRF_HEADER]: good }), null), isCsrf);
    assert.throws(() => check(req("POST", { origin: SITE, [CSRF_HEADER]: good }), "other"), isCsrf);
    const foreign = csrfTokenFor(newSessionToken());
    assert.throws(() => check(req("POST", { origin: SITE, [CSRF_HEADER]: foreign }), foreign), isCsrf);
  });

  it("refuses a cross-site, opaque or missing Origin even with the right token", () => {
    assert.throws(() => check(req("POST", { origin: "https://evil.example", [CSRF_HEADER]: good })), isCsrf);
    assert.throws(() => check(req("POST", { origin: "null", [CSRF_HEADER]: good })), isCsrf);
    assert.throws(() => check(req("POST", { [CSRF_HEADER]: good })), isCsrf);
  });

  it("uses the request's own origin when no public origin is configured", () => {
    assert.doesNotThrow(() => checkOrigin(req("POST", { origin: "http://127.0.0.1:4000" }, "http://127.0.0.1:4000/login"), []));
    assert.throws(() => checkOrigin(req("POST", { origin: "http://127.0.0.1:4001" }, "http://127.0.0.1:4000/login"), []), isCsrf);
  });
});
