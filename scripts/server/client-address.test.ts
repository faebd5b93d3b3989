import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clientAddress, parseTrustedProxies } from "./client-address";

describe("client address for the login limit", () => {
  const trusted = parseTrustedProxies("10.0.0.2, ::1");

  it("is the TCP peer when no proxy is trusted, whatever the client claims", () => {
    assert.equal(clientAddress("203.0.113.7", "198.51.100.1", new Set()), "203.0.113.7");
    assert.equal(clientAddress("::ffff:203.0.113.7", undefined, new Set()), "203.0.113.7");
    assert.equal(clientAddress(undefined, "198.51.100.1", trusted), "unknown");
  });

  it("looks through trusted proxies to the right-most address they did not write", () => {
    assert.equal(clientAddress("10.0.0.2", "198.51.100.1", trusted), "198.51.100.1");
    assert.equal(clientAddress("::ffff:10.0.0.2", "6.6.6.6, 198.51.100.1, ::1", trusted), "198.51.100.1", "the client's own (spoofable) entry on the left is ignored");
    assert.equal(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.1"], trusted), "198.51.100.1", "repeated headers count as one list");
  });

  it("stays with the proxy when the header is missing or not an address", () => {
    assert.equal(clientAddress("10.0.0.2", undefined, trusted), "10.0.0.2");
    assert.equal(clientAddress("10.0.0.2", "evil, 198.51.100.1, not-an-ip", trusted), "10.0.0.2");
    assert.equal(clientAddress("10.0.0.2", "::1", trusted), "::1", "only trusted hops: the left-most one we saw");
  });

  it("rejects entries that are not IP addresses, naming them", () => {
    assert.throws(() => parseTrustedProxies("10.0.0.0/8, proxy.local"), /PRAXIS_TRUSTED_PROXIES: "10.0.0.0\/8", "proxy.local" are not IP addresses/);
    assert.equal(parseTrustedProxies(undefined).size, 0);
  });
});
