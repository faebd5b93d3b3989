"use client";
/**
 * The lab page's launcher: finds the learner's live session on load (so a reload resumes it, even
 * mid-provisioning), starts one on "Start lab" — ready at once when a warm environment was claimed,
 * else the provisioning steps are shown as they happen — then one terminal per host that asks for one
 * under a bar with the time left, Extend, Reset and Stop, and a Check button per step with checks.
 * Failures are said in plain words with Retry.
 */
import { useEffect, useState } from "react";
import { ProvisionProgress } from "./ProvisionProgress";
import { SessionBar, type SessionBarProps } from "./SessionBar";
import { StepChecks, type CheckableStep } from "./StepChecks";
import { extendSession, findSession, resetSession, startSession, stopSession, type LiveSessionView } from "./session-api";
import { TerminalView } from "./TerminalView";

type View =
  | { kind: "loading" }
  | { kind: "idle" }
  | { kind: "starting"; since: number }
  | { kind: "provisioning"; session: LiveSessionView; since: number }
  | { kind: "ready"; session: LiveSessionView; busy: SessionBarProps["busy"]; error: string | null }
  | { kind: "error"; message: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function LabSessionPanel({ labId, terminalHosts, checkableSteps = [] }: { labId: string; terminalHosts: string[]; checkableSteps?: CheckableStep[] }) {
  const [view, setView] = useState<View>({ kind: "loading" });

  const show = (session: LiveSessionView, since = Date.now()) =>
    setView(session.state === "ready" ? { kind: "ready", session, busy: null, error: null } : { kind: "provisioning", session, since });

  useEffect(() => {
    findSession(labId).then(
      (session) => (session ? show(session) : setView({ kind: "idle" })),
      () => setView({ kind: "idle" }),
    );
  }, [labId]);

  const start = () => {
    const since = Date.now();
    setView({ kind: "starting", since });
    startSession(labId).then(
      (session) => show(session, since),
      (err: unknown) => setView({ kind: "error", message: message(err) }),
    );
  };

  /** Runs a bar action; the session it answers with replaces the current one. */
  const act = (busy: NonNullable<SessionBarProps["busy"]>, run: () => Promise<LiveSessionView | null>) => {
    if (view.kind !== "ready") return;
    const { session } = view;
    setView({ ...view, busy, error: null });
    run().then(
      (next) => (next ? show(next) : setView({ kind: "idle" })),
      (err: unknown) => setView({ kind: "ready", session, busy: null, error: message(err) }),
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
          <span className="spinner" aria-hidden="true" /> Preparing your environment…
        </div>
      );
    case "provisioning":
      return (
        <ProvisionProgress
          sessionId={view.session.id}
          since={view.since}
          onReady={() => findSession(labId).then((s) => (s ? show(s) : setView({ kind: "error", message: "the environment is gone" })), (err: unknown) => setView({ kind: "error", message: message(err) }))}
          onFailed={(text) => setView({ kind: "error", message: text })}
        />
      );
    case "error":
      return (
        <div className="start-lab" role="alert">
          <p className="session-error">Could not start the environment: {view.message}</p>
          <button type="button" className="button button-primary" onClick={start}>
            Retry
          </button>
        </div>
      );
    case "ready": {
      const { session } = view;
      const hosts = terminalHosts.filter((h) => session.hosts.includes(h));
      return (
        <div className="lab-session">
          <SessionBar
            expiresAt={session.expiresAt}
            busy={view.busy}
            error={view.error}
            onExtend={() => act("extending", () => extendSession(session.id))}
            onReset={() => act("resetting", () => resetSession(session.id))}
            onStop={() => act("stopping", () => stopSession(labId).then(() => null))}
          />
          {hosts.map((host) => (
            <TerminalView key={`${session.id}-${host}`} sessionId={session.id} host={host} />
          ))}
          <StepChecks sessionId={session.id} steps={checkableSteps} />
        </div>
      );
    }
  }
}
