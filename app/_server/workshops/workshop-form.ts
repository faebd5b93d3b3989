/**
 * The instructor's workshop form, parsed: what create and edit accept, checked all at once so the form
 * can show every problem beside its field. Pure (the lab catalog comes in as a set of ids). The access
 * password is tri-state on edit: a string sets it, null removes it, absent keeps the current one.
 */
import { z } from "zod";
import { WorkshopError } from "./errors";

export interface WorkshopSettings {
  title: string;
  labIds: string[];
  capacity: number;
  startsAt: Date;
  endsAt: Date;
  timeLimitMinutes: number;
  warmSharePercent: number;
  /** undefined: keep; null: no password; string: the new password (hashed before it is stored). */
  password?: string | null;
}

export const LIMITS = { capacity: 200, titleMax: 120, timeLimitMinutes: [5, 600], passwordMax: 128, labs: 10 } as const;

const Form = z.object({
  title: z.string().trim().min(1, "give the workshop a title").max(LIMITS.titleMax, `at most ${LIMITS.titleMax} characters`),
  labIds: z.array(z.string()).min(1, "pick at least one lab").max(LIMITS.labs, `at most ${LIMITS.labs} labs`),
  capacity: z.coerce.number().int("a whole number").min(1, "at least 1 seat").max(LIMITS.capacity, `at most ${LIMITS.capacity} seats`),
  startsAt: z.coerce.date({ error: "a start date and time" }),
  endsAt: z.coerce.date({ error: "an end date and time" }),
  timeLimitMinutes: z.coerce.number().int("whole minutes").min(LIMITS.timeLimitMinutes[0], `at least ${LIMITS.timeLimitMinutes[0]} minutes`).max(LIMITS.timeLimitMinutes[1], `at most ${LIMITS.timeLimitMinutes[1]} minutes`),
  warmSharePercent: z.coerce.number().int("a whole percentage").min(0, "0 to 100").max(100, "0 to 100"),
  password: z.string().max(LIMITS.passwordMax, `at most ${LIMITS.passwordMax} characters`).nullable().optional(),
});

export function parseWorkshopForm(input: unknown, knownLabs: ReadonlySet<string>): WorkshopSettings {
  const problems: Record<string, string> = {};
  const parsed = Form.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  const data = parsed.success ? parsed.data : undefined;
  if (data) {
    const unknown = data.labIds.filter((id) => !knownLabs.has(id));
    if (unknown.length > 0) problems.labIds = `no such lab: ${unknown.join(", ")}`;
    else if (new Set(data.labIds).size !== data.labIds.length) problems.labIds = "each lab only once";
    if (Number.isNaN(data.startsAt.getTime())) problems.startsAt = "a start date and time";
    else if (Number.isNaN(data.endsAt.getTime())) problems.endsAt = "an end date and time";
    else if (data.endsAt <= data.startsAt) problems.endsAt = "the end must be after the start";
  }
  const fields = Object.keys(problems);
  if (!data || fields.length > 0) {
    throw new WorkshopError("bad_request", `the workshop form has problems: ${fields.map((f) => `${f}: ${problems[f]}`).join("; ")}`, problems);
  }
  // An empty password field means "no password", not a password of zero characters.
  const password = data.password === undefined ? undefined : data.password === null || data.password === "" ? null : data.password;
  return { ...data, password };
}
