/**
 * Terminal tickets: short-lived, single-use, HMAC-SHA256-signed tokens that let a browser open one
 * terminal WebSocket. The web app (which knows who owns a session) asks the runner API to mint one; the
 * browser then puts it in the WebSocket URL, where cookies and bearer tokens cannot go. A ticket is bound
 * to {sessionId, host, terminalId} and expires after ~60 s; each nonce is accepted once, so a ticket that
 * leaks through a proxy log is useless after the first connection. The secret comes from config — there
 * is deliberately no default (see ticket-secret.ts). A read-only ticket (an instructor's shadow view)
 * carries that flag under the signature, so a viewer cannot turn it into one that types.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface TicketClaims {
  sessionId: string;
  host: string;
  terminalId: string;
  /** Watch only: the bridge drops keystrokes and resizes from this connection. */
  readOnly?: boolean;
}

export interface VerifiedTicket extends TicketClaims {
  expiresAt: number;
  readOnly: boolean;
}

export type TicketFailure = "malformed" | "bad_signature" | "expired" | "replayed";

export class TicketError extends Error {
  override readonly name = "TicketError";
  constructor(readonly reason: TicketFailure, message: string) {
    super(message);
  }
}

export interface TicketAuthorityOptions {
  /** At least 32 bytes of secret key material. */
  secret: Uint8Array;
  ttlMs?: number;
  now?: () => number;
}

const VERSION = "v1";
const MIN_SECRET_BYTES = 32;

interface WireClaims {
  s: string;
  h: string;
  t: string;
  e: number;
  n: string;
  r?: 1;
}

function isWireClaims(value: unknown): value is WireClaims {
  const v = value as Partial<WireClaims> | null;
  return (
    typeof v === "object" && v !== null &&
    typeof v.s === "string" && typeof v.h === "string" && typeof v.t === "string" &&
    typeof v.e === "number" && Number.isFinite(v.e) && typeof v.n === "string" &&
    (v.r === undefined || v.r === 1)
  );
}

/** Mints and verifies tickets with one secret; holds the used-nonce set, so make one per process. */
export class TicketAuthority {
  private readonly secret: Uint8Array;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** nonce -> expiry; entries are dropped once expired because the expiry check rejects them anyway. */
  private readonly used = new Map<string, number>();

  constructor(options: TicketAuthorityOptions) {
    if (options.secret.length < MIN_SECRET_BYTES) {
      throw new RangeError(`ticket secret must be at least ${MIN_SECRET_BYTES} bytes, got ${options.secret.length}`);
    }
    this.secret = options.secret;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  mint(claims: TicketClaims): { ticket: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const wire: WireClaims = {
      s: claims.sessionId,
      h: claims.host,
      t: claims.terminalId,
      e: expiresAt,
      n: randomBytes(16).toString("base64url"),
      ...(claims.readOnly ? { r: 1 as const } : {}),
    };
    const body = Buffer.from(JSON.stringify(wire)).toString("base64url");
    return { ticket: `${VERSION}.${body}.${this.sign(body)}`, expiresAt };
  }

  /** Checks signature, expiry and single use, in that order; throws TicketError. */
  redeem(ticket: string): VerifiedTicket {
    const parts = ticket.split(".");
    if (parts.length !== 3 || parts[0] !== VERSION) throw new TicketError("malformed", "ticket is not a v1 ticket");
    const [, body, signature] = parts as [string, string, string];
    // Compare the encoded strings, not decoded bytes: base64url's spare bits would otherwise let several
    // spellings of one signature pass, and a ticket should have exactly one valid form.
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new TicketError("bad_signature", "ticket signature does not match");
    }
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      throw new TicketError("malformed", "ticket body is not JSON");
    }
    if (!isWireClaims(claims)) throw new TicketError("malformed", "ticket body lacks required claims");
    const now = this.now();
    if (claims.e <= now) throw new TicketError("expired", "ticket has expired");
    this.forgetExpired(now);
    if (this.used.has(claims.n)) throw new TicketError("replayed", "ticket was already used");
    this.used.set(claims.n, claims.e);
    return { sessionId: claims.s, host: claims.h, terminalId: claims.t, expiresAt: claims.e, readOnly: claims.r === 1 };
  }

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(`${VERSION}.${body}`).digest("base64url");
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.used) {
      if (expiresAt <= now) this.used.delete(nonce);
    }
  }
}
