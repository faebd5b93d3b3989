"use client";
/**
 * The lab page's launcher (replaces the disabled StartLabButton): finds the learner's live session on
 * load (so a reload resumes it), starts one on "Start lab" with a spinner and elapsed time while the
 * environment is provisioned, shows a clear error with "Try again", then one terminal per host that
 * asks for one, and a "Stop" button that ends the environment.
 */
import { useEffect, useState } from "react";
import { findSession, startSession, stopSession, type LiveSessionView } from "./session-api";
import { TerminalView } from "./TerminalView";

type View =
  | { kind: "loading" }
  | { kind: "idle" }
  | { kind: "starting"; since: number }
  | { kind: "ready"; session: LiveSessionView }
  | { kind: "stopping"; session: LiveSessionView }
  | { kind: "error"; message: string };

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span>{Math.max(0, Math.floor((now - since) / 1000))} s</span>;
}

export function LabSessionPanel({ labId, terminalHosts }: { labId: string; terminalHosts: string[] }) {
  const [view, setView] = useState<View>({ kind: "loading" });

  useEffect(() => {
    findSession(labId).then(
      (session) => setView(session ? { kind: "ready", session } : { kind: "idle" }),
      () => setView({ kind: "idle" }),
    );
  }, [labId]);

  const start = () => {
    setView({ kind: "starting", since: Date.now() });
    startSession(labId).then(
      (session) => setView({ kind: "ready", session }),
      (err: unknown) => setView({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
    );
  };
  const stop = (session: LiveSessionView) => {
    setView({ kind: "stopping", session });
    stopSession(labId).then(
      () => setView({ kind: "idle" }),
      (err: unknown) => setView({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
    );
  };

  switch (view.kind) {
    case "loading":
      return <div className="start-lab" aria-busy="true" />;
    case "idle":
      return (
        <div className="start-lab">
          <button type="button" className="button button-primary" onClick={start}>
            Start lab
          </button>
        </div>
      );
    case "starting":
      return (
        <div className="start-lab" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Preparing your environment… <Elapsed since={view.since} />
        </div>
      );
    case "error":
      return (
        <div className="start-lab" role="alert">
          <p className="session-error">Could not start the environment: {view.message}</p>
          <button type="button" className="button button-primary" onClick={start}>
            Try again
          </button>
        </div>
      );
    case "ready":
    case "stopping": {
      const hosts = terminalHosts.filter((h) => view.session.hosts.includes(h));
      return (
        <div className="lab-session">
          <div className="lab-session-bar">
            <span>
              Environment ready · ends at <time dateTime={view.session.expiresAt}>{new Date(view.session.expiresAt).toLocaleTimeString()}</time>
            </span>
            <button type="button" className="button" onClick={() => stop(view.session)} disabled={view.kind === "stopping"}>
              {view.kind === "stopping" ? "Stopping…" : "Stop"}
            </button>
          </div>
          {hosts.map((host) => (
            <TerminalView key={`${view.session.id}-${host}`} sessionId={view.session.id} host={host} />
          ))}
        </div>
      );
    }
  }
}
