import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutPraxisCookies } from "./proxy-headers";
import { isServiceUpgradePath } from "./service-upgrade";

describe("service WebSockets at the site", () => {
  it("recognises a service path, with or without a path after the port", () => {
    assert.equal(isServiceUpgradePath("/api/sessions/s1/services/web/8080/socket"), true);
    assert.equal(isServiceUpgradePath("/api/sessions/s1/services/web/8080"), true);
    assert.equal(isServiceUpgradePath("/api/terminal"), false);
    assert.equal(isServiceUpgradePath("/api/sessions/s1/progress"), false);
  });

  it("passes the service every cookie but Praxis's own (learner identity, instructor session, CSRF token)", () => {
    assert.equal(withoutPraxisCookies("theme=dark; praxis_learner=secret; praxis_instructor=token; praxis_csrf=c; app=1"), "theme=dark; app=1");
    assert.equal(withoutPraxisCookies("praxis_learner=secret"), null);
    assert.equal(withoutPraxisCookies(undefined), null);
  });
});
