/** The body of the extend routes: {"minutes": 1–240}; anything else is a plain-words 400. */
import { WorkshopError } from "./errors";

export function parseMinutes(body: unknown): number {
  const minutes = (body as { minutes?: unknown } | null)?.minutes;
  if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > 240) throw new WorkshopError("bad_request", 'send {"minutes": <1 to 240>}');
  return minutes;
}
