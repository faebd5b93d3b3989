/**
 * Origin allow-listing for terminal WebSockets. Browsers attach cookies and ambient credentials to
 * cross-site WebSocket handshakes, so without this check any page a learner visits could open their
 * terminal (cross-site WebSocket hijacking). Origins are compared as normalised scheme://host[:port]
 * strings; a missing or malformed Origin is refused, which also means non-browser clients must send one.
 */

/** Normalises an origin or URL to scheme://host[:port] (default ports dropped), or null if invalid. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Builds a predicate from the configured allow-list; throws on an entry that is not an origin. */
export function originChecker(allowed: readonly string[]): (origin: string | undefined) => boolean {
  const set = new Set<string>();
  for (const entry of allowed) {
    const origin = normaliseOrigin(entry);
    if (origin === null) throw new RangeError(`allowed origin ${JSON.stringify(entry)} is not an http(s) origin`);
    set.add(origin);
  }
  return (origin) => {
    if (origin === undefined) return false;
    const normalised = normaliseOrigin(origin);
    return normalised !== null && set.has(normalised);
  };
}
