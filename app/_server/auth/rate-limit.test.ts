/** The login rate limiter on the in-memory store with a controlled clock. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accountKey, addressKey, LoginRateLimiter, MemoryFailureStore } from "./rate-limit";

function setup() {
  let now = Date.parse("2026-11-26T10:00:00Z");
  const store = new MemoryFailureStore();
  const limiter = new LoginRateLimiter(store, { maxFailures: 5, windowMs: 15 * 60_000 }, () => now);
  return { store, limiter, advance: (ms: number) => (now += ms) };
}
const ann = accountKey("Ann@Example.org");
const ip = addressKey("10.0.0.1");

describe("login rate limiter", () => {
  it("allows four failures, refuses the sixth attempt until the oldest failure leaves the window", async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 5; i++) {
      assert.equal((await limiter.check([ann, ip])).allowed, true, `attempt ${i + 1}`);
      await limiter.recordFailure([ann, ip]);
      advance(60_000);
    }
    const refused = await limiter.check([ann, ip]);
    assert.equal(refused.allowed, false);
    // First failure at t=0, now t=5 min: it ages out at 15 min, so 10 min to wait.
    assert.equal(!refused.allowed && refused.retryAfterSeconds, 600);
    advance(600_000 - 1000);
    assert.equal((await limiter.check([ann])).allowed, false);
    advance(1000);
    assert.equal((await limiter.check([ann, ip])).allowed, true);
  });

  it("counts per account and per address independently", async () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) await limiter.recordFailure([accountKey(`user${i}@example.org`), ip]);
    assert.equal((await limiter.check([accountKey("fresh@example.org"), ip])).allowed, false, "address exhausted");
    assert.equal((await limiter.check([accountKey("fresh@example.org"), addressKey("10.0.0.2")])).allowed, true);
    for (let i = 0; i < 5; i++) await limiter.recordFailure([ann, addressKey(`10.1.0.${i}`)]);
    assert.equal((await limiter.check([ann, addressKey("10.9.9.9")])).allowed, false, "account exhausted from many addresses");
  });

  it("normalises the account key and clears the account (not the address) on success", async () => {
    const { limiter, store } = setup();
    assert.equal(accountKey("  ANN@example.org "), accountKey("ann@example.org"));
    for (let i = 0; i < 4; i++) await limiter.recordFailure([ann, ip]);
    await limiter.recordSuccess(ann);
    assert.equal((await store.failuresSince(ann, new Date(0))).length, 0);
    assert.equal((await store.failuresSince(ip, new Date(0))).length, 4);
  });

  it("prunes failures older than the window when new ones arrive", async () => {
    const { limiter, store, advance } = setup();
    await limiter.recordFailure([ann]);
    advance(16 * 60_000);
    await limiter.recordFailure([ip]);
    assert.equal(store.failures.has(ann), false);
    assert.equal(store.failures.get(ip)?.length, 1);
  });
});
