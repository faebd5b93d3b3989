/**
 * The login rate limiter: at most `maxFailures` failed logins per key within a sliding `windowMs`, where a
 * login is counted under two keys — the account ("account:<email>") and the client address ("ip:<addr>") —
 * so neither guessing one account from many places nor many accounts from one place gets far. Failures
 * live behind FailureStore (the database in production, so several web processes share the count; an
 * in-memory fake in tests). A success clears the account's failures, not the address's.
 */
export interface FailureStore {
  /** Times of the key's failures strictly after `since`, oldest first. */
  failuresSince(key: string, since: Date): Promise<Date[]>;
  record(key: string, at: Date): Promise<void>;
  clear(key: string): Promise<void>;
  /** Deletes every failure older than `before` (any key). */
  prune(before: Date): Promise<void>;
}

export interface RateLimitPolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_POLICY: Readonly<RateLimitPolicy> = Object.freeze({ maxFailures: 5, windowMs: 15 * 60_000 });

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

export class LoginRateLimiter {
  constructor(
    private readonly store: FailureStore,
    private readonly policy: RateLimitPolicy = DEFAULT_LOGIN_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a login under these keys may be attempted now; if not, when the oldest counted failure ages out. */
  async check(keys: readonly string[]): Promise<LimitVerdict> {
    const now = this.now();
    let worst: LimitVerdict = { allowed: true };
    for (const key of keys) {
      const failures = await this.store.failuresSince(key, new Date(now - this.policy.windowMs));
      if (failures.length < this.policy.maxFailures) continue;
      // The attempt becomes possible when enough failures have left the window to drop below the limit.
      const freeing = failures[failures.length - this.policy.maxFailures]!;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeing.getTime() + this.policy.windowMs - now) / 1000));
      if (worst.allowed || retryAfterSeconds > worst.retryAfterSeconds) worst = { allowed: false, retryAfterSeconds, key };
    }
    return worst;
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const at = new Date(this.now());
    for (const key of keys) await this.store.record(key, at);
    await this.store.prune(new Date(at.getTime() - this.policy.windowMs));
  }

  async recordSuccess(account: string): Promise<void> {
    await this.store.clear(account);
  }
}

/** The in-memory FailureStore for unit tests. */
export class MemoryFailureStore implements FailureStore {
  readonly failures = new Map<string, Date[]>();
  async failuresSince(key: string, since: Date) {
    return (this.failures.get(key) ?? []).filter((d) => d > since);
  }
  async record(key: string, at: Date) {
    this.failures.set(key, [...(this.failures.get(key) ?? []), at]);
  }
  async clear(key: string) {
    this.failures.delete(key);
  }
  async prune(before: Date) {
    for (const [key, list] of this.failures) {
      const kept = list.filter((d) => d >= before);
      if (kept.length) this.failures.set(key, kept);
      else this.failures.delete(key);
    }
  }
}
