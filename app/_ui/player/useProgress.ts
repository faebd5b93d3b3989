"use client";
/**
 * The learner's recorded progress for a session, kept live: loaded once, then pushed by the progress event
 * stream (which is also what lets the server auto-check the open step while this page is connected). Step
 * actions answer with the new progress and hand it in through `apply`. A stream the server closed (the site
 * restarting, say) is reopened after a pause, so auto-detection resumes without a reload.
 */
import { useCallback, useEffect, useState } from "react";
import { getProgress, progressEventsUrl } from "./player-api";
import type { ProgressView } from "./progress-types";

const REOPEN_MS = 5_000;

export function useProgress(sessionId: string | null) {
  const [progress, setProgress] = useState<ProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    getProgress(sessionId).then(
      (p) => !stopped && (setProgress(p), setError(null)),
      (err: unknown) => !stopped && setError(err instanceof Error ? err.message : String(err)),
    );
    const open = () => {
      if (stopped) return;
      source = new EventSource(progressEventsUrl(sessionId));
      source.addEventListener("progress", (m) => {
        setProgress(JSON.parse((m as MessageEvent<string>).data) as ProgressView);
        setError(null);
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
        source = null;
        timer = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [sessionId]);

  const apply = useCallback((next: ProgressView) => setProgress(next), []);
  return { progress, error, apply };
}
