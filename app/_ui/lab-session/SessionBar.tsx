"use client";
/**
 * The bar above a running environment: time left (a countdown and a warning in the last five minutes,
 * so nobody loses work to a silent expiry), Extend (+30 min, up to the maximum lifetime), Reset (a fresh
 * environment, after a confirmation) and Stop (also confirmed: it removes the environment). Errors of these
 * actions are shown beside the buttons. The compact form (the player's bar) says only the time left; the
 * warning is the same in both.
 */
import { useEffect, useState } from "react";
import { timeLeft } from "./session-clock";

export interface SessionBarProps {
  expiresAt: string;
  busy: "stopping" | "extending" | "resetting" | null;
  compact?: boolean;
  error: string | null;
  onExtend(): void;
  onReset(): void;
  onStop(): void;
}

export function SessionBar({ expiresAt, busy, error, compact = false, onExtend, onReset, onStop }: SessionBarProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(expiresAt, now);
  return (
    <div className="lab-session-bar" data-warning={left.warning} data-compact={compact} title={compact ? `Your environment ends at ${new Date(expiresAt).toLocaleTimeString()}` : undefined}>
      <span className="session-time">
        {left.ended
          ? "Your environment has ended."
          : left.warning
            ? compact
              ? `Ends in ${left.text}`
              : `Your environment ends in ${left.text}: extend it to keep working.`
            : compact
              ? `${left.text} left`
              : `Environment ready · ${left.text} left`}{" "}
        {compact ? null : <time dateTime={expiresAt} className="session-ends">(ends at {new Date(expiresAt).toLocaleTimeString()})</time>}
      </span>
      {/* The countdown changes every second, so the alert carries a fixed sentence: it is announced once. */}
      <span className="sr-only" role="alert">
        {left.ended ? "Your environment has ended." : left.warning ? "Less than five minutes left in your environment: extend it to keep working." : ""}
      </span>
      <span className="session-actions">
        {error ? <span className="session-error">{error}</span> : null}
        <button type="button" className="button" onClick={onExtend} disabled={busy !== null || left.ended}>
          {busy === "extending" ? "Extending…" : "Extend 30 min"}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null || left.ended}
          aria-label={compact ? "Reset the environment" : undefined}
          onClick={() => {
            if (window.confirm("Reset the environment? Everything you changed in it is lost. Your progress stays: Praxis replays the steps you finished, so you pick up at the start of the step you are on.")) onReset();
          }}
        >
          {busy === "resetting" ? "Resetting…" : "Reset"}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => {
            if (window.confirm("Stop the environment? Its containers and everything you changed in them are removed. Your progress stays saved, and you can start a new environment later.")) onStop();
          }}
        >
          {busy === "stopping" ? "Stopping…" : "Stop"}
        </button>
      </span>
    </div>
  );
}
