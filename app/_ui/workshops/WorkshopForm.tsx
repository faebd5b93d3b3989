"use client";
/**
 * Create or edit a workshop: title, labs, seats, start and end, per-learner time limit, warm share and an
 * optional access password. Every problem the server finds is shown beside its field (the summary under
 * the form only points there). Times are entered in the instructor's own time zone and sent as instants.
 * A new workshop suggests no more seats than the server has room for (`room`, when known). After saving,
 * an edit says whether the room still fits on the server; a new workshop opens its dashboard.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { defaultSeats } from "../../_server/workshops/plan";
import { createWorkshop, updateWorkshop, WorkshopRequestError, type WorkshopFormValues } from "./workshops-api";
import "./workshops.css";

export interface LabChoice {
  id: string;
  title: string;
}

/** An existing workshop to edit: the form's values (a password is never sent back, only whether one is set). */
export interface WorkshopFormInitial extends Omit<WorkshopFormValues, "password"> {
  id: string;
  hasPassword: boolean;
}

/** An instant as the value of a datetime-local input, in the browser's time zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The fields that show their own problem; any other problem is shown under the form. */
const FIELDS = new Set(["title", "labIds", "capacity", "timeLimitMinutes", "warmSharePercent", "startsAt", "endsAt", "password"]);

export function WorkshopForm({ labs, initial, room = null }: { labs: LabChoice[]; initial?: WorkshopFormInitial; room?: number | null }) {
  const router = useRouter();
  const now = Date.now();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? "");
    const instant = (name: string) => (text(name) ? new Date(text(name)).toISOString() : "");
    const password = text("password");
    const values: WorkshopFormValues = {
      title: text("title"),
      labIds: f.getAll("labIds").map(String),
      capacity: Number(text("capacity")),
      startsAt: instant("startsAt"),
      endsAt: instant("endsAt"),
      timeLimitMinutes: Number(text("timeLimitMinutes")),
      warmSharePercent: Number(text("warmSharePercent")),
      // Edit: an empty field keeps the current password unless "remove" is ticked.
      ...(f.get("removePassword") ? { password: null } : password ? { password } : initial ? {} : { password: null }),
    };
    setBusy(true);
    setError(null);
    setProblems({});
    setNotice(null);
    try {
      if (initial) {
        const { room } = await updateWorkshop(initial.id, values);
        setNotice(room.fits === false || room.fits === null ? `Saved. ${room.message}` : "Saved.");
        router.refresh();
      } else {
        const { workshop } = await createWorkshop(values);
        router.push(`/instructor/workshops/${workshop.id}`);
      }
    } catch (err) {
      const fieldProblems = err instanceof WorkshopRequestError ? (err.problems ?? {}) : {};
      const others = Object.entries(fieldProblems).filter(([field]) => !FIELDS.has(field));
      setProblems(fieldProblems);
      // The server's summary names the form's internal fields; the fields say it better themselves.
      if (Object.keys(fieldProblems).length === 0) setError(err instanceof Error ? err.message : String(err));
      else setError(others.length > 0 ? others.map(([, message]) => message).join("; ") : "Fix the fields marked above.");
    } finally {
      setBusy(false);
    }
  }

  const problem = (field: string) =>
    problems[field] ? (
      <span className="field-problem" id={`${field}-problem`} role="alert">
        {problems[field]}
      </span>
    ) : null;

  return (
    <form className="workshop-form panel" onSubmit={submit} noValidate>
      <label>
        Title
        <input name="title" required maxLength={120} defaultValue={initial?.title ?? ""} aria-describedby="title-problem" />
        {problem("title")}
      </label>
      <fieldset>
        <legend>Labs</legend>
        {labs.map((lab) => (
          <label key={lab.id} className="checkbox">
            <input type="checkbox" name="labIds" value={lab.id} defaultChecked={initial?.labIds.includes(lab.id) ?? false} /> {lab.title}
          </label>
        ))}
        {problem("labIds")}
      </fieldset>
      <div className="form-row">
        {/* The hint sits outside the label, so the field's name stays "Seats". */}
        <div className="field-stack">
          <label>
            Seats
            <input name="capacity" type="number" min={1} max={200} defaultValue={initial?.capacity ?? defaultSeats(room)} aria-describedby={room !== null && !initial ? "capacity-room" : undefined} />
            {problem("capacity")}
          </label>
          {room !== null && !initial ? (
            <span className="field-hint" id="capacity-room">
              This server has room for {room} {room === 1 ? "learner" : "learners"} now.
            </span>
          ) : null}
        </div>
        <label>
          Time limit per learner (minutes)
          <input name="timeLimitMinutes" type="number" min={5} max={600} defaultValue={initial?.timeLimitMinutes ?? 90} />
          {problem("timeLimitMinutes")}
        </label>
        <label>
          Warm share (% of seats kept ready per lab)
          <input name="warmSharePercent" type="number" min={0} max={100} defaultValue={initial?.warmSharePercent ?? 50} />
          {problem("warmSharePercent")}
        </label>
      </div>
      <div className="form-row">
        <label>
          Starts
          <input name="startsAt" type="datetime-local" defaultValue={localInput(initial?.startsAt ?? new Date(now).toISOString())} />
          {problem("startsAt")}
        </label>
        <label>
          Ends
          <input name="endsAt" type="datetime-local" defaultValue={localInput(initial?.endsAt ?? new Date(now + 3 * 3_600_000).toISOString())} />
          {problem("endsAt")}
        </label>
      </div>
      <label>
        Access password (optional{initial?.hasPassword ? "; leave empty to keep the current one" : ""})
        <input name="password" type="password" autoComplete="new-password" maxLength={128} />
        {problem("password")}
      </label>
      {initial?.hasPassword ? (
        <label className="checkbox">
          <input type="checkbox" name="removePassword" /> Remove the password
        </label>
      ) : null}
      {error ? (
        <p className="session-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {initial ? "Save" : "Create workshop"}
      </button>
    </form>
  );
}
