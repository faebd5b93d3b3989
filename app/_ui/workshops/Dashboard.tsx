"use client";
/**
 * The instructor's live dashboard of one workshop: how to join (code and link), whether the room fits,
 * the workshop-wide actions (warm up, extend everyone, broadcast, export, end), and per lab a grid of
 * learners × steps pushed by the server (no polling). Per learner: watch their terminal read-only (the
 * shadow view opens below the grid), reset their environment, give them more time.
 */
import { useEffect, useRef, useState } from "react";
import { formatJoinCode } from "../../_server/workshops/join-code";
import { TerminalView } from "../lab-session/TerminalView";
import type { LearnerView } from "./dashboard-types";
import { LearnerGrid } from "./LearnerGrid";
import { formatClock, formatSpan } from "./when";
import { useDashboard, useNow } from "./useDashboard";
import { broadcast, endWorkshop, exportUrl, extendAll, extendLearner, getWorkshop, resetLearner, shadowTerminalUrl, warmUp, type RoomView } from "./workshops-api";
import "./workshops.css";

const EXTEND_MINUTES = 15;

/** `joinUrlConfigured`: false when the join link is just the address this browser used (no PRAXIS_PUBLIC_ORIGIN). */
export function Dashboard({ workshopId, joinUrl, joinUrlConfigured }: { workshopId: string; joinUrl: string; joinUrlConfigured: boolean }) {
  const { view, error, connected } = useDashboard(workshopId);
  const now = useNow();
  const [room, setRoom] = useState<RoomView | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [shadow, setShadow] = useState<{ learner: LearnerView; labId: string; host: string } | null>(null);
  const shadowBox = useRef<HTMLElement>(null);

  // xterm stops drawing while its box is off screen, so bring the shadow view into sight when it opens.
  useEffect(() => {
    if (shadow) shadowBox.current?.scrollIntoView({ block: "nearest" });
  }, [shadow]);

  useEffect(() => {
    getWorkshop(workshopId).then((r) => setRoom(r.room), () => undefined);
  }, [workshopId]);

  const act = (label: string, run: () => Promise<string>) => {
    setFailure(null);
    setStatus(`${label}…`);
    run().then(setStatus, (err: unknown) => {
      setStatus(null);
      setFailure(`${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };

  if (!view) return <p role="status">{error ? `The dashboard could not load: ${error}` : "Connecting to the workshop…"}</p>;
  const { workshop } = view;
  const ended = workshop.phase === "ended";

  return (
    <div className="dashboard" data-connected={connected ? "true" : "false"}>
      <header className="dashboard-head">
        <div>
          <h1>{workshop.title}</h1>
          <p className="join-line">
            Join code <strong className="join-code" data-testid="join-code">{formatJoinCode(workshop.joinCode)}</strong> · <a href={joinUrl}>{joinUrl}</a>
          </p>
          {joinUrlConfigured ? null : (
            <p className="field-hint join-hint">Learners on other machines need an address they can reach; an admin sets it with PRAXIS_PUBLIC_ORIGIN.</p>
          )}
          <p>
            <span className={`phase phase-${workshop.phase}`}>{workshop.phase}</span> · {view.learners.length} of {workshop.capacity} seats taken · {formatSpan(workshop.startsAt, workshop.endsAt)}
          </p>
          {room && room.fits !== true ? (
            <p className="notice room-warning" role="alert">
              {room.message}
            </p>
          ) : null}
        </div>
        <div className="dashboard-actions">
          <a className="button" href={`/instructor/workshops/${workshop.id}/edit`}>
            Edit
          </a>
          <button type="button" className="button" disabled={ended || workshop.warmedAt !== null} onClick={() => act("Warm up", async () => {
            const r = await warmUp(workshop.id);
            setRoom(r.room);
            return `Warming up: ${Object.entries(r.targets).map(([lab, n]) => `${n} × ${lab}`).join(", ") || "nothing to warm"}`;
          })}>
            {workshop.warmedAt ? "Warmed up" : "Warm up"}
          </button>
          <button type="button" className="button" disabled={ended} onClick={() => act("Extend all", async () => `${(await extendAll(workshop.id, EXTEND_MINUTES)).extended} environments got ${EXTEND_MINUTES} more minutes`)}>
            +{EXTEND_MINUTES} min for all
          </button>
          <a className="button" href={exportUrl(workshop.id, "csv")} download>
            Export CSV
          </a>
          <a className="button" href={exportUrl(workshop.id, "json")} download>
            Export JSON
          </a>
          <button type="button" className="button button-danger" disabled={ended} onClick={() => {
            if (!window.confirm("End the workshop? Every learner's environment is stopped and removed.")) return;
            act("End workshop", async () => `Ended: ${(await endWorkshop(workshop.id)).stopped} environments stopped`);
          }}>
            End workshop
          </button>
        </div>
      </header>
      {view.runnerUnavailable ? (
        <p className="notice" role="status">
          The lab runner is not answering, so environment states may be out of date; progress is shown as last recorded.
        </p>
      ) : null}
      {status ? <p role="status" className="dashboard-status">{status}</p> : null}
      {failure || error ? <p role="alert" className="session-error">{failure ?? error}</p> : null}
      <form className="broadcast" onSubmit={(e) => {
        e.preventDefault();
        const text = message;
        act("Broadcast", async () => {
          await broadcast(workshop.id, text);
          setMessage("");
          return "Message sent to every learner";
        });
      }}>
        <label>
          Message to everyone
          <input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} disabled={ended} placeholder="e.g. Ten minutes left" />
        </label>
        <button type="submit" className="button" disabled={ended || message.trim() === ""}>
          Broadcast
        </button>
      </form>
      {view.learners.length === 0 ? <p className="empty-state">Nobody has joined yet.</p> : null}
      {view.labs.map((lab) => (
        <section key={lab.id} className="lab-grid">
          {view.labs.length > 1 ? <h2>{lab.title}</h2> : null}
          <LearnerGrid
            lab={lab}
            learners={view.learners}
            now={now}
            actions={(learner) => {
              const mine = learner.labs.find((l) => l.labId === lab.id);
              const live = mine?.state === "ready";
              return (
                <>
                  <button type="button" className="button button-small" disabled={!live} onClick={() => setShadow({ learner, labId: lab.id, host: "" })} aria-label={`Watch ${learner.displayName}'s terminal`}>
                    Watch
                  </button>
                  <button type="button" className="button button-small" disabled={!live} aria-label={`Reset ${learner.displayName}'s environment`} onClick={() => {
                    if (window.confirm(`Reset ${learner.displayName}'s environment? Everything on it starts over (progress stays).`)) act("Reset", async () => `${learner.displayName}'s environment is being reset (${(await resetLearner(workshop.id, learner.id, lab.id)).reset})`);
                  }}>
                    Reset
                  </button>
                  <button type="button" className="button button-small" disabled={!live} aria-label={`+${EXTEND_MINUTES} min for ${learner.displayName}`} onClick={() => act("Extend", async () => `${learner.displayName} got ${EXTEND_MINUTES} more minutes (${(await extendLearner(workshop.id, learner.id, EXTEND_MINUTES)).extended})`)}>
                    +{EXTEND_MINUTES} min
                  </button>
                </>
              );
            }}
          />
        </section>
      ))}
      {shadow ? (
        <section ref={shadowBox} className="shadow-view" aria-label={`Shadow view of ${shadow.learner.displayName}`}>
          <header>
            <h2>Watching {shadow.learner.displayName} (read-only)</h2>
            <button type="button" className="button button-small" onClick={() => setShadow(null)}>
              Close
            </button>
          </header>
          <TerminalView
            key={`${shadow.learner.id}-${shadow.labId}`}
            sessionId={shadow.learner.labs.find((l) => l.labId === shadow.labId)?.sessionId ?? ""}
            host="shadow"
            label={`${shadow.learner.displayName}'s terminal`}
            readOnly
            ticketUrl={() => shadowTerminalUrl(workshop.id, shadow.learner.id, shadow.labId)}
          />
        </section>
      ) : null}
      {view.messages.length > 0 ? (
        <section className="sent-messages">
          <h2>Sent messages</h2>
          <ul>
            {view.messages.map((m) => (
              <li key={m.at}>
                <time dateTime={m.at}>{formatClock(m.at)}</time> {m.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
