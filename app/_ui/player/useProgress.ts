"use client";
/**
 * The learner's recorded progress for a session, kept live: loaded once, then pushed by the progress event
 * stream (which is also what lets the server auto-check the open step while this page is connected). Step
 * actions answer with the new progress and hand it in through `apply`. A stream the server closed (the site
 * restarting, say) is reopened after a pause, so auto-detection resumes without a reload.
 */
import { useCallback, useEffect, useState } from "react";
import { followEvents } from "../events/follow-events";
import { getProgress, progressEventsUrl } from "./player-api";
import type { ProgressView } from "./progress-types";

const REOPEN_MS = 5_000;

export function useProgress(sessionId: string | null) {
  const [progress, setProgress] = useState<ProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let stopped = false;
    getProgress(sessionId).then(
      (p) => !stopped && (setProgress(p), setError(null)),
      (err: unknown) => !stopped && setError(err instanceof Error ? err.message : String(err)),
    );
    const stop = followEvents(
      progressEventsUrl(sessionId),
      {
        progress: (data) => {
          setProgress(JSON.parse(data) as ProgressView);
          setError(null);
        },
      },
      { reopenMs: REOPEN_MS },
    );
    return () => {
      stopped = true;
      stop();
    };
  }, [sessionId]);

  const apply = useCallback((next: ProgressView) => setProgress(next), []);
  return { progress, error, apply };
}
