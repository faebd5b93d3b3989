"use client";
/**
 * The dashboard's live data: one EventSource on the workshop's stream, the newest view kept in state. The
 * server pushes a view whenever something changes; a stream the server closed is reopened after a pause.
 */
import { useEffect, useState } from "react";
import type { DashboardView } from "./dashboard-types";
import { dashboardEventsUrl } from "./workshops-api";

const REOPEN_MS = 3_000;

export function useDashboard(workshopId: string) {
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      if (stopped) return;
      source = new EventSource(dashboardEventsUrl(workshopId));
      source.onopen = () => setConnected(true);
      source.addEventListener("dashboard", (m) => {
        setView(JSON.parse((m as MessageEvent<string>).data) as DashboardView);
        setError(null);
      });
      source.addEventListener("error", (m) => {
        const data = (m as MessageEvent<string>).data;
        if (data) setError((JSON.parse(data) as { message: string }).message);
      });
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState !== EventSource.CLOSED) return;
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
  }, [workshopId]);

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
