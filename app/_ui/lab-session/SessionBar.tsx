"use client";
/**
 * The bar above a running environment: time left (a countdown and a warning in the last five minutes,
 * so nobody loses work to a silent expiry), Extend (+30 min, up to the maximum lifetime), Reset (a fresh
 * environment, after a confirmation) and Stop. Errors of these actions are shown beside the buttons.
 */
import { useEffect, useState } from "react";
import { timeLeft } from "./session-clock";

export interface SessionBarProps {
  expiresAt: string;
  busy: "stopping" | "extending" | "resetting" | null;
  error: string | null;
  onExtend(): void;
  onReset(): void;
  onStop(): void;
}

export function SessionBar({ expiresAt, busy, error, onExtend, onReset, onStop }: SessionBarProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(expiresAt, now);
  return (
    <div className="lab-session-bar" data-warning={left.warning}>
      <span className="session-time" role={left.warning ? "alert" : undefined}>
        {left.ended ? "Your environment has ended." : left.warning ? `Your environment ends in ${left.text}: extend it to keep working.` : `Environment ready · ${left.text} left`}{" "}
        <time dateTime={expiresAt} className="session-ends">(ends at {new Date(expiresAt).toLocaleTimeString()})</time>
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
          onClick={() => {
            if (window.confirm("Reset the environment? Everything you changed in it is lost and it starts over.")) onReset();
          }}
        >
          {busy === "resetting" ? "Resetting…" : "Reset"}
        </button>
        <button type="button" className="button" onClick={onStop} disabled={busy !== null}>
          {busy === "stopping" ? "Stopping…" : "Stop"}
        </button>
      </span>
    </div>
  );
}
