import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { originChecker } from "./origin";

describe("originChecker", () => {
  const allowed = originChecker(["https://labs.example.com", "http://localhost:3000/"]);

  it("accepts listed origins, ignoring default ports and case", () => {
    assert.equal(allowed("https://labs.example.com"), true);
    assert.equal(allowed("https://LABS.example.com:443"), true);
    assert.equal(allowed("http://localhost:3000"), true);
  });

  it("refuses everything else", () => {
    for (const origin of [
      undefined,
      "",
      "null",
      "https://evil.example.com",
      "https://labs.example.com.evil.net",
      "http://labs.example.com",
      "http://localhost:3001",
      "file:///etc/passwd",
    ]) {
      assert.equal(allowed(origin), false, String(origin));
    }
  });

  it("rejects a configured entry that is not an origin", () => {
    assert.throws(() => originChecker(["labs.example.com"]), /not an http\(s\) origin/);
  });
});
