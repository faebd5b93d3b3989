"use client";
/**
 * `/join/<code>`: the workshop's title and, depending on where it is, what to do. Before the start and
 * after the end it says so in plain words; while it runs a learner gives a display name (and the
 * password when there is one) and then picks one of the workshop's labs, which opens the normal player —
 * the session is the workshop's from there. A browser that already joined goes straight to the labs.
 * A wrong code is no dead end: the page says so and offers the code form again, and the catalog.
 */
import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { formatJoinCode, JOIN_CODE_LENGTH } from "../../_server/workshops/join-code";
import { JoinCodeForm } from "./JoinCodeForm";
import { formatWhen } from "./when";
import { joinInfo, joinWorkshop, WorkshopRequestError, type JoinInfoView } from "./workshops-api";
import "./workshops.css";

type State = { kind: "loading" } | { kind: "missing"; notFound: boolean; message: string } | { kind: "info"; workshop: JoinInfoView; joined: boolean; displayName: string | null };

export function JoinFlow({ code, labTitles }: { code: string; labTitles: Record<string, string> }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    joinInfo(code).then(
      (r) => setState({ kind: "info", ...r }),
      (err: unknown) => setState({ kind: "missing", notFound: err instanceof WorkshopRequestError && err.status === 404, message: err instanceof Error ? err.message : String(err) }),
    );
  }, [code]);

  if (state.kind === "loading") {
    return (
      <div className="join-flow">
        <h1>Join a workshop</h1>
        <p role="status">Looking up the workshop…</p>
      </div>
    );
  }
  if (state.kind === "missing") return <JoinProblem code={code} notFound={state.notFound} message={state.message} />;
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
        <p role="status" className="notice">This workshop has not started yet. It starts at {formatWhen(workshop.startsAt)}; come back then.</p>
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

/** A code that finds no workshop (or a lookup that failed): say so, and offer the code form again. */
function JoinProblem({ code, notFound, message }: { code: string; notFound: boolean; message: string }) {
  let raw = code;
  try {
    raw = decodeURIComponent(code);
  } catch {
    // A malformed escape: show the code as it came.
  }
  const clean = raw.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 12);
  const shown = clean.length === JOIN_CODE_LENGTH ? formatJoinCode(clean) : clean;
  return (
    <div className="join-flow">
      <h1>{notFound ? "No workshop with that code" : "The workshop could not be looked up"}</h1>
      <p role="alert" className="session-error">
        {notFound ? (
          <>
            There is no workshop with the code <code>{shown}</code>. Check it with your instructor and type it again below.
          </>
        ) : (
          `${message.charAt(0).toUpperCase()}${message.slice(1)}. Try again in a moment.`
        )}
      </p>
      <JoinCodeForm initial={shown} />
      <p>
        Not in a workshop? <Link href="/">Browse the labs</Link> and start one on your own.
      </p>
    </div>
  );
}
