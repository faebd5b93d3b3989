import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { TicketAuthority, TicketError, type TicketFailure } from "./tickets";

const secretA = new Uint8Array(32).fill(1);
const secretB = new Uint8Array(32).fill(2);
const claims = { sessionId: "s1", host: "node-1", terminalId: "main" };

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function rejects(fn: () => unknown, reason: TicketFailure) {
  assert.throws(fn, (err: unknown) => err instanceof TicketError && err.reason === reason);
}

describe("TicketAuthority", () => {
  it("redeems a fresh ticket for exactly the claims it was minted for", () => {
    const c = clock();
    const auth = new TicketAuthority({ secret: secretA, now: c.now });
    const { ticket, expiresAt } = auth.mint(claims);
    assert.equal(expiresAt, 1_060_000);
    assert.deepEqual(auth.redeem(ticket), { ...claims, expiresAt, readOnly: false });
  });

  it("carries the read-only flag of a shadow view under the signature", () => {
    const auth = new TicketAuthority({ secret: secretA });
    assert.equal(auth.redeem(auth.mint({ ...claims, readOnly: true }).ticket).readOnly, true);
    // Dropping the flag from the body would make a typing ticket out of a watching one: the signature says no.
    const [v, body, sig] = auth.mint({ ...claims, readOnly: true }).ticket.split(".") as [string, string, string];
    const wire = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    delete wire.r;
    rejects(() => auth.redeem(`${v}.${Buffer.from(JSON.stringify(wire)).toString("base64url")}.${sig}`), "bad_signature");
  });

  it("accepts each ticket only once", () => {
    const auth = new TicketAuthority({ secret: secretA });
    const { ticket } = auth.mint(claims);
    auth.redeem(ticket);
    rejects(() => auth.redeem(ticket), "replayed");
  });

  it("rejects an expired ticket", () => {
    const c = clock();
    const auth = new TicketAuthority({ secret: secretA, now: c.now, ttlMs: 60_000 });
    const { ticket } = auth.mint(claims);
    c.advance(60_000);
    rejects(() => auth.redeem(ticket), "expired");
  });

  it("rejects a ticket signed with another secret (a foreign runner's)", () => {
    const foreign = new TicketAuthority({ secret: secretB }).mint(claims).ticket;
    rejects(() => new TicketAuthority({ secret: secretA }).redeem(foreign), "bad_signature");
  });

  it("rejects a ticket whose claims were altered", () => {
    const auth = new TicketAuthority({ secret: secretA });
    const [v, body, sig] = auth.mint(claims).ticket.split(".") as [string, string, string];
    const altered = JSON.parse(Buffer.from(body, "base64url").toString());
    altered.s = "someone-elses-session";
    const forged = `${v}.${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${sig}`;
    rejects(() => auth.redeem(forged), "bad_signature");
    rejects(() => auth.redeem(`${v}.${body}.${sig.slice(0, -2)}`), "bad_signature");
    // The last character of a 32-byte base64url value carries two spare bits; a variant spelling is refused too.
    const last = sig.at(-1)!;
    const variant = String.fromCharCode(last.charCodeAt(0) ^ 1);
    rejects(() => auth.redeem(`${v}.${body}.${sig.slice(0, -1)}${variant}`), "bad_signature");
  });

  it("rejects garbage", () => {
    const auth = new TicketAuthority({ secret: secretA });
    for (const junk of ["", "v1", "v1.a", "v2.a.b", "x.y.z.w"]) rejects(() => auth.redeem(junk), "malformed");
  });

  it("refuses a short secret", () => {
    assert.throws(() => new TicketAuthority({ secret: new Uint8Array(16) }), /at least 32 bytes/);
  });
});
