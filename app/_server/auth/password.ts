/**
 * Password hashing for instructor accounts and workshop access passwords: scrypt from node:crypto
 * (memory-hard, no native dependency). The stored string names its own parameters —
 * `scrypt$N=32768,r=8,p=1$<salt>$<hash>` (base64url) — so the cost can be raised later without a
 * migration: old hashes still verify with the parameters they were made with, and `needsRehash`
 * tells the login code to store a fresh hash. Comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Today's cost: 2^15 × 8 × 128 B = 32 MiB of memory per hash, ~50–100 ms on one core. */
export const CURRENT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Refuse absurd inputs before hashing: scrypt's cost does not depend on length, but parsing and memory do. */
export const PASSWORD_MAX = 1024;

export class PasswordHashFormatError extends Error {
  override readonly name = "PasswordHashFormatError";
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  // maxmem must exceed 128·N·r or node refuses; leave headroom for raised parameters.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
  if (password.length > PASSWORD_MAX) throw new RangeError(`a password is at most ${PASSWORD_MAX} characters`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

interface Decoded {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

export function decodeHash(encoded: string): Decoded {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(encoded);
  if (!m) throw new PasswordHashFormatError("not a Praxis scrypt password hash (expected scrypt$N=…,r=…,p=…$salt$hash)");
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a tampered row from making one login allocate gigabytes.
  if (N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) {
    throw new PasswordHashFormatError(`scrypt parameters out of range: N=${N}, r=${r}, p=${p}`);
  }
  const salt = Buffer.from(m[4]!, "base64url");
  const key = Buffer.from(m[5]!, "base64url");
  if (salt.length < 8 || key.length < 16) throw new PasswordHashFormatError("scrypt salt or hash too short");
  return { params: { N, r, p }, salt, key };
}

/** True when `password` matches; a malformed hash is an error, not a silent mismatch. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const { params, salt, key } = decodeHash(encoded);
  if (password.length > PASSWORD_MAX) return false;
  const candidate = await derive(password, salt, params, key.length);
  return timingSafeEqual(candidate, key);
}

/** Whether a stored hash was made with weaker parameters than today's (then store a new one after login). */
export function needsRehash(encoded: string, current: ScryptParams = CURRENT_PARAMS): boolean {
  const { params } = decodeHash(encoded);
  return params.N < current.N || params.r < current.r || params.p < current.p;
}

/**
 * A hash of a random throw-away password, verified when a login names an unknown email so that the
 * answer takes as long as for a known one (no account enumeration by timing).
 */
export const DUMMY_HASH = "scrypt$N=32768,r=8,p=1$MwwBUggcS31O1PxOynm9bw$PsKafmP912tUbuEG5j1AbYHTZe4ZfvTkVvMj3FAg-LU";
