/**
 * Which address a request comes from, for the login rate limit. Directly connected clients are their TCP
 * peer. Behind a reverse proxy every request's peer is the proxy, so all learners and instructors would
 * share one limit; the proxies listed in PRAXIS_TRUSTED_PROXIES are therefore looked through: the client is
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy. Entries left of that were written
 * by the client and could be anything, so they are never used.
 */
import { isIP } from "node:net";

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) and `10.0.0.1` are the same peer. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed.toLowerCase();
}

/** Parses the PRAXIS_TRUSTED_PROXIES list (comma-separated IP addresses); throws naming each bad entry. */
export function parseTrustedProxies(value: string | undefined): ReadonlySet<string> {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const bad = entries.filter((e) => isIP(e.replace(/^\[|\]$/g, "")) === 0);
  if (bad.length > 0) throw new RangeError(`PRAXIS_TRUSTED_PROXIES: ${bad.map((b) => `"${b}"`).join(", ")} ${bad.length === 1 ? "is not an IP address" : "are not IP addresses"}`);
  return new Set(entries.map(normalize));
}

export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: ReadonlySet<string>): string {
  if (!peer) return "unknown";
  let client = normalize(peer);
  if (!trusted.has(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]!);
    if (isIP(hop) === 0) return client; // garbage: stop at the last address we could vouch for
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}
