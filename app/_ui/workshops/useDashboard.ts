"use client";
/**
 * The dashboard's live data: one EventSource on the workshop's stream, the newest view kept in state. The
 * server pushes a view whenever something changes; a stream the server closed is reopened after a pause.
 */
import { useEffect, useState } from "react";
import { followEvents } from "../events/follow-events";
import type { DashboardView } from "./dashboard-types";
import { dashboardEventsUrl } from "./workshops-api";

const REOPEN_MS = 3_000;

export function useDashboard(workshopId: string) {
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(
    () =>
      followEvents(
        dashboardEventsUrl(workshopId),
        {
          dashboard: (data) => {
            setView(JSON.parse(data) as DashboardView);
            setError(null);
          },
          // The server's own `error` event carries a message; the connection's errors have no data.
          error: (data) => data && setError((JSON.parse(data) as { message: string }).message),
        },
        { reopenMs: REOPEN_MS, onOpen: () => setConnected(true), onDown: () => setConnected(false) },
      ),
    [workshopId],
  );

  return { view, error, connected };
}

/** Re-renders every second, for clocks ("time on step"). */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
