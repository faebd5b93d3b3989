/**
 * Accounts, sessions and the database-backed login limiter on a real temporary SQLite database: setup
 * makes the first admin and then closes, admins create instructors, logins are rate limited, sessions
 * resolve from the cookie token only, slide, expire and end at logout.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { openDatabase, type Database } from "../../../prisma/db";
import { authenticate, createAccount, listAccounts, needsSetup, setupFirstAdmin } from "./accounts";
import { AuthError, type AuthErrorKind } from "./errors";
import { prismaFailureStore } from "./prisma-stores";
import { LoginRateLimiter } from "./rate-limit";
import { createInstructorSession, deleteInstructorSession, resolveInstructorSession } from "./sessions";
import { hashSessionToken } from "./tokens";

const kind = (k: AuthErrorKind) => (err: unknown) => err instanceof AuthError && err.kind === k;
const ADMIN = { email: "Admin@Example.org", password: "admin password 1", displayName: "Ada" };

describe("instructor accounts and sessions (SQLite)", () => {
  let dir = "";
  let db: Database;
  let limiter: LoginRateLimiter;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-auth-"));
    db = await openDatabase({ dataDir: dir });
    limiter = new LoginRateLimiter(prismaFailureStore(db.prisma));
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("sets up the first account as admin, then closes setup", async () => {
    await db.prisma.user.create({ data: {} }); // an anonymous learner does not count as an account
    assert.equal(await needsSetup(db.prisma), true);
    await assert.rejects(setupFirstAdmin(db.prisma, { ...ADMIN, password: "too short" }), kind("bad_request"));
    await assert.rejects(setupFirstAdmin(db.prisma, { ...ADMIN, email: "not-an-email" }), kind("bad_request"));
    const admin = await setupFirstAdmin(db.prisma, ADMIN);
    assert.deepEqual({ ...admin, id: "" }, { id: "", email: "admin@example.org", displayName: "Ada", role: "admin" });
    assert.equal(await needsSetup(db.prisma), false);
    await assert.rejects(setupFirstAdmin(db.prisma, { email: "second@example.org", password: "another password" }), kind("conflict"));
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    assert.match(stored.passwordHash!, /^scrypt\$/);
    assert.ok(!stored.passwordHash!.includes(ADMIN.password));
  });

  it("lets an admin (only) create instructor accounts with unique emails", async () => {
    const admin = await authenticate(db.prisma, limiter, { email: ADMIN.email, password: ADMIN.password, address: "10.0.0.1" });
    const ins = await createAccount(db.prisma, admin, { email: "ins@example.org", password: "instructor pass" });
    assert.equal(ins.role, "instructor");
    await assert.rejects(createAccount(db.prisma, ins, { email: "x@example.org", password: "instructor pass" }), kind("forbidden"));
    await assert.rejects(createAccount(db.prisma, admin, { email: "INS@example.org", password: "instructor pass" }), kind("conflict"));
    await assert.rejects(createAccount(db.prisma, admin, { email: "y@example.org", password: "instructor pass", role: "learner" }), kind("bad_request"));
    assert.deepEqual((await listAccounts(db.prisma)).map((a) => [a.email, a.role]), [["admin@example.org", "admin"], ["ins@example.org", "instructor"]]);
  });

  it("refuses wrong passwords and unknown emails alike, and rate-limits per account with Retry-After", async () => {
    const address = "10.0.0.2";
    await assert.rejects(authenticate(db.prisma, limiter, { email: "nobody@example.org", password: "whatever it is", address: "10.0.0.3" }), kind("invalid_credentials"));
    for (let i = 0; i < 5; i++) {
      await assert.rejects(authenticate(db.prisma, limiter, { email: "ins@example.org", password: `wrong password ${i}`, address }), kind("invalid_credentials"));
    }
    // Even the right password is refused now: the limit is checked before the password.
    const err = await authenticate(db.prisma, limiter, { email: "ins@example.org", password: "instructor pass", address: "10.0.0.9" }).catch((e: unknown) => e);
    assert.ok(err instanceof AuthError && err.kind === "rate_limited" && err.status === 429);
    assert.ok(err.retryAfterSeconds! > 800 && err.retryAfterSeconds! <= 900, `retry after ${err.retryAfterSeconds}`);
    // Other accounts from other addresses are unaffected.
    assert.equal((await authenticate(db.prisma, limiter, { email: ADMIN.email, password: ADMIN.password, address: "10.0.0.4" })).role, "admin");
    assert.equal(await db.prisma.loginFailure.count({ where: { key: "ip:10.0.0.2" } }), 5);
  });

  it("resolves a session from its token only, stores just the token's hash, slides and ends at logout", async () => {
    const admin = (await listAccounts(db.prisma))[0]!;
    const t0 = new Date("2026-11-26T10:00:00Z");
    const policy = { idleMs: 3600_000, absoluteMs: 3 * 3600_000 };
    const { token } = await createInstructorSession(db.prisma, admin.id, policy, t0);
    const row = await db.prisma.instructorSession.findFirstOrThrow({ where: { userId: admin.id }, orderBy: { createdAt: "desc" } });
    assert.equal(row.tokenHash, hashSessionToken(token));
    assert.equal(await db.prisma.instructorSession.count({ where: { tokenHash: token } }), 0);

    assert.equal((await resolveInstructorSession(db.prisma, token, policy, new Date(t0.getTime() + 50 * 60_000)))?.email, "admin@example.org");
    // Used at +50 min, so it is still valid at +100 min (sliding), but not past the absolute limit.
    assert.ok(await resolveInstructorSession(db.prisma, token, policy, new Date(t0.getTime() + 100 * 60_000)));
    assert.ok(await resolveInstructorSession(db.prisma, token, policy, new Date(t0.getTime() + 150 * 60_000)));
    assert.equal(await resolveInstructorSession(db.prisma, token, policy, new Date(t0.getTime() + 181 * 60_000)), null);

    const fresh = await createInstructorSession(db.prisma, admin.id, policy);
    assert.ok(await resolveInstructorSession(db.prisma, fresh.token, policy));
    assert.equal(await resolveInstructorSession(db.prisma, fresh.token.slice(0, -1) + (fresh.token.endsWith("A") ? "B" : "A"), policy), null);
    await deleteInstructorSession(db.prisma, fresh.token);
    assert.equal(await resolveInstructorSession(db.prisma, fresh.token, policy), null);
  });

  it("expires an idle session", async () => {
    const admin = (await listAccounts(db.prisma))[0]!;
    const t0 = new Date("2026-11-26T12:00:00Z");
    const policy = { idleMs: 3600_000, absoluteMs: 24 * 3600_000 };
    const { token } = await createInstructorSession(db.prisma, admin.id, policy, t0);
    assert.equal(await resolveInstructorSession(db.prisma, token, policy, new Date(t0.getTime() + 61 * 60_000)), null);
    assert.equal(await db.prisma.instructorSession.count({ where: { tokenHash: hashSessionToken(token) } }), 0, "expired row deleted");
  });
});
