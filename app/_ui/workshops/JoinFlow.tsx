"use client";
/**
 * `/join/<code>`: the workshop's title and, depending on where it is, what to do. Before the start and
 * after the end it says so in plain words; while it runs a learner gives a display name (and the
 * password when there is one) and then picks one of the workshop's labs, which opens the normal player —
 * the session is the workshop's from there. A browser that already joined goes straight to the labs.
 */
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { joinInfo, joinWorkshop, type JoinInfoView } from "./workshops-api";
import "./workshops.css";

type State = { kind: "loading" } | { kind: "missing"; message: string } | { kind: "info"; workshop: JoinInfoView; joined: boolean; displayName: string | null };

export function JoinFlow({ code, labTitles }: { code: string; labTitles: Record<string, string> }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    joinInfo(code).then(
      (r) => setState({ kind: "info", ...r }),
      (err: unknown) => setState({ kind: "missing", message: err instanceof Error ? err.message : String(err) }),
    );
  }, [code]);

  if (state.kind === "loading") return <p role="status">Looking up the workshop…</p>;
  if (state.kind === "missing") return <p role="alert" className="session-error">{state.message}</p>;
  const { workshop } = state;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const r = await joinWorkshop(code, String(f.get("displayName") ?? ""), String(f.get("password") ?? "") || undefined);
      setState({ kind: "info", workshop: r.workshop, joined: true, displayName: String(f.get("displayName") ?? "") });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="join-flow">
      <h1>{workshop.title}</h1>
      {workshop.phase === "scheduled" ? (
        <p role="status" className="notice">This workshop has not started yet. It starts at {new Date(workshop.startsAt).toLocaleString()}; come back then.</p>
      ) : workshop.phase === "ended" ? (
        <p role="status" className="notice">This workshop is over. Ask your instructor if you need a new code.</p>
      ) : state.joined ? (
        <section aria-label="Labs">
          <p>
            You are in{state.displayName ? `, ${state.displayName}` : ""}. Pick a lab to start:
          </p>
          <ul className="link-list join-labs">
            {workshop.labIds.map((id) => (
              <li key={id}>
                <Link className="button button-primary" href={`/labs/${encodeURIComponent(id)}/play`}>
                  {labTitles[id] ?? id}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <form className="join-form panel" onSubmit={submit}>
          <label>
            Your name (the instructor sees it)
            <input name="displayName" required maxLength={40} autoComplete="nickname" />
          </label>
          {workshop.needsPassword ? (
            <label>
              Workshop password
              <input name="password" type="password" required autoComplete="off" />
            </label>
          ) : null}
          {error ? (
            <p role="alert" className="session-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            Join
          </button>
        </form>
      )}
    </div>
  );
}
