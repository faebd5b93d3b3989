/** The dashboard stream's payload as the browser receives it (mirrors app/_server/workshops/dashboard-view.ts). */
export interface StepCell {
  stepId: string;
  status: "locked" | "active" | "passed" | "skipped";
  attempts: number;
  failedChecks: number;
  hintsUsed: number;
}

export interface LearnerLabView {
  sessionId: string;
  labId: string;
  state: string;
  startedAt: string;
  expiresAt: string;
  finishedAt: string | null;
  currentStepId: string | null;
  currentStepSince: string | null;
  stuck: string | null;
  finished: boolean;
  score: { earned: number; max: number };
  steps: StepCell[];
}

export interface LearnerView {
  id: string;
  displayName: string;
  joinedAt: string;
  labs: LearnerLabView[];
}

export interface DashboardView {
  workshop: { id: string; title: string; joinCode: string; phase: "scheduled" | "running" | "ended"; startsAt: string; endsAt: string; capacity: number; warmedAt: string | null };
  labs: Array<{ id: string; title: string; steps: Array<{ id: string; title: string }> }>;
  learners: LearnerView[];
  messages: Array<{ text: string; at: string }>;
}

/** "4:05" for 245 s; "1:02:03" past an hour. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export const STATUS_MARK: Record<StepCell["status"], string> = { locked: "·", active: "▶", passed: "✓", skipped: "↷" };
