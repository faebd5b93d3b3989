import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csrfHeaders, readCookie } from "./csrf";

describe("client CSRF header", () => {
  it("echoes the praxis_csrf cookie in x-praxis-csrf", () => {
    assert.deepEqual(csrfHeaders("theme=dark; praxis_csrf=abc-_123; other=x"), { "x-praxis-csrf": "abc-_123" });
  });
  it("sends nothing when not signed in, and does not match on a cookie whose name merely ends the same", () => {
    assert.deepEqual(csrfHeaders("theme=dark"), {});
    assert.equal(readCookie("praxis_csrf", "not_praxis_csrf=evil"), undefined);
    assert.deepEqual(csrfHeaders(""), {});
  });
});
