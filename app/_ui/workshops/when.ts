/**
 * Workshop times as every workshop page writes them: "2026-11-26 15:34 UTC", a span
 * "2026-11-26 15:34 – 18:34 UTC" and a clock time "17:05 UTC". Always UTC, so what the server renders and
 * what the browser re-renders agree, and an instructor and a room of learners read the same numbers.
 */
type Instant = Date | string;

const iso = (t: Instant) => (typeof t === "string" ? new Date(t) : t).toISOString();

/** "2026-11-26 15:34 UTC" */
export function formatWhen(t: Instant): string {
  const s = iso(t);
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** "17:05 UTC" */
export function formatClock(t: Instant): string {
  return `${iso(t).slice(11, 16)} UTC`;
}

/** "2026-11-26 15:34 – 18:34 UTC", or with the end's date too when it falls on another day. */
export function formatSpan(start: Instant, end: Instant): string {
  const [a, b] = [iso(start), iso(end)];
  const endText = a.slice(0, 10) === b.slice(0, 10) ? b.slice(11, 16) : `${b.slice(0, 10)} ${b.slice(11, 16)}`;
  return `${a.slice(0, 10)} ${a.slice(11, 16)} – ${endText} UTC`;
}
