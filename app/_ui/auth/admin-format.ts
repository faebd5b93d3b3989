/** Display helpers for the admin page: a session's age ("3 min", "1 h 5 min") and its learner cell. */
import { formatMinutes } from "../format";

export function formatAge(fromIso: string | null, now: number): string {
  if (!fromIso) return "—";
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  return minutes < 1 ? "< 1 min" : formatMinutes(minutes);
}

/** A warm-pool member has no learner (null); a learner who set no name shows as "anonymous learner". */
export function learnerLabel(learner: string | null): string {
  if (learner === null) return "— (warm pool)";
  return learner || "anonymous learner";
}
