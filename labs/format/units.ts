/**
 * Parsers for the human-friendly scalar notations lab.yaml uses: durations ("30s", "1m30s"), memory
 * quantities in Kubernetes style ("512Mi", "1Gi") and octal file modes ("0644"). The wire format keeps
 * them as strings so authors write what they would write in a Pod spec; the internal model uses numbers.
 */

export const DURATION_PATTERN = /^(?:\d+h)?(?:\d+m(?!s))?(?:\d+s)?(?:\d+ms)?$/;
const DURATION_PART = /(\d+)(ms|h|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds, or undefined for anything that is not a duration like "90s", "2m" or "1m30s". */
export function parseDuration(text: string): number | undefined {
  if (text === "" || !DURATION_PATTERN.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(DURATION_PART)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  return total;
}

export const MEMORY_PATTERN = /^\d+(?:\.\d+)?(?:Ki|Mi|Gi|Ti|K|M|G|T)?$/;
const MEMORY_UNITS: Record<string, number> = {
  "": 1,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Bytes, or undefined when the text is not a quantity like "512Mi", "1.5Gi" or "268435456". */
export function parseMemory(text: string): number | undefined {
  if (!MEMORY_PATTERN.test(text)) return undefined;
  const match = /^([\d.]+)([A-Za-z]*)$/.exec(text)!;
  return Math.round(Number(match[1]) * MEMORY_UNITS[match[2]!]!);
}

export const MODE_PATTERN = /^0?[0-7]{3}$/;

/** Permission bits from "0644"/"755", or undefined. */
export function parseMode(text: string): number | undefined {
  return MODE_PATTERN.test(text) ? Number.parseInt(text, 8) : undefined;
}
