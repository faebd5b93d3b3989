/** Session and CSRF tokens: random, hashed for storage, CSRF derived per session, constant-time compare. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csrfTokenFor, hashSessionToken, isWellFormedToken, newSessionToken, safeEqual } from "./tokens";

describe("session tokens", () => {
  it("are 32 random bytes in base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, newSessionToken));
    assert.equal(tokens.size, 50);
    for (const t of tokens) {
      assert.equal(Buffer.from(t, "base64url").length, 32);
      assert.equal(isWellFormedToken(t), true);
    }
    assert.equal(isWellFormedToken("short"), false);
    assert.equal(isWellFormedToken(undefined), false);
  });

  it("are stored as sha256 hex, never as themselves", () => {
    const t = newSessionToken();
    assert.match(hashSessionToken(t), /^[0-9a-f]{64}$/);
    assert.notEqual(hashSessionToken(t), t);
    assert.equal(hashSessionToken(t), hashSessionToken(t));
  });

  it("derive a CSRF token that is stable per session, differs between sessions and from the storage hash", () => {
    const [a, b] = [newSessionToken(), newSessionToken()];
    assert.equal(csrfTokenFor(a), csrfTokenFor(a));
    assert.notEqual(csrfTokenFor(a), csrfTokenFor(b));
    assert.notEqual(csrfTokenFor(a), Buffer.from(hashSessionToken(a), "hex").toString("base64url"));
  });

  it("compare equal strings only", () => {
    assert.equal(safeEqual("abc", "abc"), true);
    assert.equal(safeEqual("abc", "abd"), false);
    assert.equal(safeEqual("abc", "abcd"), false);
    assert.equal(safeEqual("", ""), true);
  });
});
