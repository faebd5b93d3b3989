"use client";
/**
 * The overview page's way into the player: "Start lab" opens the player (which starts the environment), or,
 * when the learner already has one running for this lab, "Continue the lab" and "Stop"; after an ended
 * attempt it says how far that one got: "Continue the lab" picks up there, "Start again" after a finished
 * one. Asking the server on load keeps the page static and cacheable while the button still tells the truth.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { findSessionAndHistory, stopSession, type LastAttemptView, type LiveSessionView } from "../lab-session/session-api";
import { lastAttemptText, startLabel } from "./last-attempt";

type State =
  | { kind: "loading" }
  | { kind: "none"; last: LastAttemptView | null }
  | { kind: "live"; session: LiveSessionView; stopping: boolean }
  | { kind: "error"; message: string };

export function LabLauncher({ labId }: { labId: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "loading" });
  const play = `/labs/${labId}/play`;

  useEffect(() => {
    findSessionAndHistory(labId).then(
      ({ session, lastAttempt }) => setState(session ? { kind: "live", session, stopping: false } : { kind: "none", last: lastAttempt }),
      // No runner configured or reachable: offering Start still makes sense; the player explains a failure.
      () => setState({ kind: "none", last: null }),
    );
  }, [labId]);

  if (state.kind === "loading") return <div className="start-lab" aria-busy="true" />;
  if (state.kind === "live") {
    const stop = () => {
      setState({ ...state, stopping: true });
      stopSession(labId).then(
        () => setState({ kind: "none", last: null }),
        (err: unknown) => setState({ kind: "error", message: err instanceof Error ? err.message : String(err) }),
      );
    };
    return (
      <div className="start-lab">
        <Link className="button button-primary" href={play}>
          Continue the lab
        </Link>
        <button type="button" className="button" onClick={stop} disabled={state.stopping}>
          {state.stopping ? "Stopping…" : "Stop"}
        </button>
        <span className="muted">Your environment is running.</span>
      </div>
    );
  }
  return (
    <div className="start-lab">
      <button type="button" className="button button-primary" onClick={() => router.push(play)}>
        {startLabel(state.kind === "none" ? state.last : null)}
      </button>
      {state.kind === "none" && state.last ? <span className="muted" data-testid="last-attempt">{lastAttemptText(state.last)}</span> : null}
      {state.kind === "error" ? <span className="session-error">{state.message}</span> : null}
    </div>
  );
}
