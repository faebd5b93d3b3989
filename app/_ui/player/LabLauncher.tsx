"use client";
/**
 * The overview page's way into the player: "Start lab" opens the player (which starts the environment), or,
 * when the learner already has one running for this lab, "Continue the lab" and "Stop". Asking the server on
 * load keeps the page static and cacheable while the button still tells the truth.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { findSession, stopSession, type LiveSessionView } from "../lab-session/session-api";

type State = { kind: "loading" } | { kind: "none" } | { kind: "live"; session: LiveSessionView; stopping: boolean } | { kind: "error"; message: string };

export function LabLauncher({ labId }: { labId: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "loading" });
  const play = `/labs/${labId}/play`;

  useEffect(() => {
    findSession(labId).then(
      (session) => setState(session ? { kind: "live", session, stopping: false } : { kind: "none" }),
      // No runner configured or reachable: offering Start still makes sense; the player explains a failure.
      () => setState({ kind: "none" }),
    );
  }, [labId]);

  if (state.kind === "loading") return <div className="start-lab" aria-busy="true" />;
  if (state.kind === "live") {
    const stop = () => {
      setState({ ...state, stopping: true });
      stopSession(labId).then(
        () => setState({ kind: "none" }),
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
        Start lab
      </button>
      {state.kind === "error" ? <span className="session-error">{state.message}</span> : null}
    </div>
  );
}
