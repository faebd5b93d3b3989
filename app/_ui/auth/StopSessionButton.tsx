"use client";
/** Stops one session from the admin page (after a confirmation), then reloads the page's data. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callJson } from "./auth-api";

export function StopSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function stop() {
    if (!window.confirm(`Stop ${label}? Its containers are removed and unsaved work is lost.`)) return;
    setBusy(true);
    const result = await callJson("DELETE", `/api/admin/sessions/${encodeURIComponent(sessionId)}`);
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void stop()} disabled={busy} aria-label={`Stop ${label}`}>
        {busy ? "Stopping…" : "Stop"}
      </button>
      {error ? (
        <span className="auth-error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
