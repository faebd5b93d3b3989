/**
 * A stable fingerprint of an EnvironmentSpec (SHA-256 over a canonical JSON form, file contents
 * included). The warm pool labels its members with it, so a start claims only a member made from the
 * very same spec: after a lab is edited, old members no longer match and are recycled, never handed out.
 */
import { createHash } from "node:crypto";
import type { EnvironmentSpec } from "./spec";

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    // Sorted keys: the same spec decoded from HTTP or loaded from disk may list its fields in another order.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function specFingerprint(spec: EnvironmentSpec): string {
  return createHash("sha256").update(JSON.stringify(canonical(spec))).digest("hex").slice(0, 32);
}
