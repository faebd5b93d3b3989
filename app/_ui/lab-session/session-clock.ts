/**
 * Pure time-limit arithmetic for the session bar: what "time left" to show and whether to warn. The
 * warning starts five minutes before the end, early enough to extend without losing work.
 */

export const WARN_BEFORE_MS = 5 * 60_000;

export interface TimeLeft {
  /** "1 h 05 min", "12 min", "4:59", or "ended". */
  text: string;
  warning: boolean;
  ended: boolean;
}

export function timeLeft(expiresAt: string, now: number): TimeLeft {
  const ms = Date.parse(expiresAt) - now;
  if (!(ms > 0)) return { text: "ended", warning: true, ended: true };
  const warning = ms <= WARN_BEFORE_MS;
  const totalSeconds = Math.floor(ms / 1000);
  if (warning) return { text: `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, "0")}`, warning, ended: false };
  const minutes = Math.ceil(ms / 60_000);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min` : `${minutes} min`;
  return { text, warning, ended: false };
}
