/**
 * The dashboard stream's payload as the browser receives it. The server defines the shapes
 * (app/_server/workshops/dashboard-view.ts); a type-only import keeps them in one place without pulling
 * server code into the browser bundle.
 */
import type { DashboardView, LearnerLabView, LearnerView, StepCell } from "../../_server/workshops/dashboard-view";

export type { DashboardView, LearnerLabView, LearnerView, StepCell };

/** "4:05" for 245 s; "1:02:03" past an hour. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export const STATUS_MARK: Record<StepCell["status"], string> = { locked: "·", active: "▶", passed: "✓", skipped: "↷" };
