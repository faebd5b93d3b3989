import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FileAccessError } from "./errors";
import { isWithin, normalisePath } from "./paths";

describe("normalisePath", () => {
  it("normalises duplicate slashes, dots and trailing slashes", () => {
    assert.equal(normalisePath("/root//lab/./app.py"), "/root/lab/app.py");
    assert.equal(normalisePath("/etc/nginx/"), "/etc/nginx");
    assert.equal(normalisePath("/"), "/");
    assert.equal(normalisePath("/a/...b"), "/a/...b", "three dots is an ordinary name");
  });

  for (const bad of ["", "relative/path", "/root/../etc/shadow", "/..", "/root/lab/..", "/root/\0x", "x".repeat(5000)]) {
    it(`refuses ${JSON.stringify(bad.slice(0, 30))}`, () => {
      assert.throws(() => normalisePath(bad), (e: unknown) => e instanceof FileAccessError && e.kind === "bad_path");
    });
  }
});

describe("isWithin", () => {
  it("matches the root and paths below it, not siblings sharing a prefix", () => {
    assert.equal(isWithin("/root/lab", "/root/lab"), true);
    assert.equal(isWithin("/root/lab/a/b", "/root/lab"), true);
    assert.equal(isWithin("/root/lab2", "/root/lab"), false);
    assert.equal(isWithin("/root", "/root/lab"), false);
    assert.equal(isWithin("/etc/shadow", "/"), true);
  });
});
