"use client";
/**
 * The player's environment lifecycle: find the learner's live session for the lab (a reload resumes it, even
 * mid-provisioning), start one when there is none, follow provisioning (the view shows the steps), and the
 * bar's actions — extend, reset (provisioning again, same session and progress), stop. Failures are kept as
 * plain-words messages for the screen to show with a Retry.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { extendSession, findSession, resetSession, startSession, stopSession, type LiveSessionView } from "../lab-session/session-api";

export type Busy = "stopping" | "extending" | "resetting" | null;

export type EnvironmentView =
  | { kind: "loading" }
  | { kind: "starting"; since: number }
  | { kind: "provisioning"; session: LiveSessionView; since: number }
  | { kind: "ready"; session: LiveSessionView; busy: Busy; error: string | null }
  | { kind: "stopped" }
  | { kind: "error"; message: string; session: LiveSessionView | null };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useEnvironment(labId: string) {
  const [view, setView] = useState<EnvironmentView>({ kind: "loading" });
  const current = useRef(view);
  current.current = view;

  const show = useCallback((session: LiveSessionView, since = Date.now()) => {
    setView(session.state === "ready" ? { kind: "ready", session, busy: null, error: null } : { kind: "provisioning", session, since });
  }, []);

  const start = useCallback(() => {
    const since = Date.now();
    setView({ kind: "starting", since });
    startSession(labId).then(
      (session) => show(session, since),
      (err: unknown) => setView({ kind: "error", message: message(err), session: null }),
    );
  }, [labId, show]);

  useEffect(() => {
    findSession(labId).then(
      (session) => (session ? show(session) : start()),
      (err: unknown) => setView({ kind: "error", message: message(err), session: null }),
    );
  }, [labId, show, start]);

  /** Provisioning finished: ask again, so the view has the session as the runner now sees it. */
  const provisioned = useCallback(() => {
    findSession(labId).then(
      (s) => (s ? show(s) : setView({ kind: "error", message: "the environment is gone; start a new one", session: null })),
      (err: unknown) => setView({ kind: "error", message: message(err), session: null }),
    );
  }, [labId, show]);

  const failed = useCallback((text: string) => setView((v) => ({ kind: "error", message: text, session: "session" in v ? v.session : null })), []);

  const act = useCallback(
    (busy: NonNullable<Busy>, run: (session: LiveSessionView) => Promise<LiveSessionView | null>) => {
      const v = current.current;
      if (v.kind !== "ready" || v.busy) return;
      const { session } = v;
      setView({ ...v, busy, error: null });
      run(session).then(
        (next) => (next ? show(next) : setView({ kind: "stopped" })),
        (err: unknown) => setView({ kind: "ready", session, busy: null, error: message(err) }),
      );
    },
    [show],
  );

  return {
    view,
    start,
    provisioned,
    failed,
    extend: () => act("extending", (s) => extendSession(s.id)),
    reset: () => act("resetting", (s) => resetSession(s.id)),
    stop: () => act("stopping", () => stopSession(labId).then(() => null)),
  };
}
