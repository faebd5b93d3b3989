/**
 * How a list of partial-match differences reads in a learner-facing message:
 * `server.port: expected 8080, got 80; server.tls: expected true, got nothing (and 2 more differences)`.
 * A prefix ("body.") places the paths inside a larger thing, such as a response body.
 */
import type { Mismatch } from "../kubernetes/match";

const SHOWN = 3;

export function mismatchesText(mismatches: readonly Mismatch[], prefix = ""): string {
  const shown = mismatches.slice(0, SHOWN).map((m) => {
    const path = m.path === "" ? prefix.replace(/\.$/, "") : m.path.startsWith("[") ? `${prefix.replace(/\.$/, "")}${m.path}` : `${prefix}${m.path}`;
    return path === "" ? m.problem : `${path}: ${m.problem}`;
  });
  const more = mismatches.length - SHOWN;
  return `${shown.join("; ")}${more > 0 ? ` (and ${more} more difference${more === 1 ? "" : "s"})` : ""}`;
}
