/** The scrypt KDF: round trip, salting, self-describing parameters, rehash advice and malformed input. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CURRENT_PARAMS, decodeHash, DUMMY_HASH, hashPassword, needsRehash, PasswordHashFormatError, verifyPassword } from "./password";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    assert.equal(await verifyPassword("correct horse battery", hash), true);
    assert.equal(await verifyPassword("correct horse batterY", hash), false);
    assert.equal(await verifyPassword("", hash), false);
  });

  it("stores today's parameters, a 16-byte salt and a 32-byte key, salted per hash", async () => {
    const [a, b] = [await hashPassword("same password!"), await hashPassword("same password!")];
    assert.match(a, /^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    assert.notEqual(a, b);
    const decoded = decodeHash(a);
    assert.deepEqual(decoded.params, CURRENT_PARAMS);
    assert.equal(decoded.salt.length, 16);
    assert.equal(decoded.key.length, 32);
  });

  it("verifies hashes made with older parameters and advises a rehash for them only", async () => {
    const weak = await hashPassword("an older password", { N: 1024, r: 8, p: 1 });
    assert.equal(await verifyPassword("an older password", weak), true);
    assert.equal(needsRehash(weak), true);
    assert.equal(needsRehash(await hashPassword("a current password")), false);
  });

  it("treats unicode compositions alike (NFC) and refuses absurdly long input", async () => {
    const hash = await hashPassword("caf\u00e9-au-lait-1");
    assert.equal(await verifyPassword("cafe\u0301-au-lait-1", hash), true);
    await assert.rejects(hashPassword("x".repeat(2000)), RangeError);
    assert.equal(await verifyPassword("x".repeat(2000), hash), false);
  });

  it("rejects malformed or dangerous stored hashes with a clear error", async () => {
    await assert.rejects(verifyPassword("x", "plain-text"), PasswordHashFormatError);
    await assert.rejects(verifyPassword("x", "scrypt$N=4194304,r=8,p=1$MwwBUggcS31O1PxOynm9bw$PsKafmP912tUbuEG5j1AbYHTZe4ZfvTkVvMj3FAg-LU"), /out of range/);
    await assert.rejects(verifyPassword("x", "scrypt$N=1000,r=8,p=1$MwwBUggcS31O1PxOynm9bw$PsKafmP912tUbuEG5j1AbYHTZe4ZfvTkVvMj3FAg-LU"), /out of range/);
  });

  it("has a dummy hash in the current format (used to time unknown emails like known ones)", async () => {
    assert.deepEqual(decodeHash(DUMMY_HASH).params, CURRENT_PARAMS);
    assert.equal(await verifyPassword("anything at all", DUMMY_HASH), false);
  });
});
