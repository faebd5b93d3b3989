/**
 * The instructor dashboard's picture of a workshop, pure: learners × labs × steps, built from what the
 * database recorded (sessions, step rows, check runs) through the player's own progress model, so the
 * dashboard and the learner's player can never disagree about a step. Adds what only an instructor
 * needs: failed Check presses per step, time on the current step, and "stuck" (too many failed checks,
 * or too long on one step). Learners are named by their public id, never by the cookie secret.
 */
import type { Lab } from "../../../labs/index";
import { progressView, type RunRecord, type StepRecord, type StepStatus } from "../player/progress-model";
import type { WorkshopPhase } from "./plan";

export const STUCK = { failedChecks: 3, minutesOnStep: 10 } as const;

export interface StepCell {
  stepId: string;
  status: StepStatus;
  attempts: number;
  failedChecks: number;
  hintsUsed: number;
}

export interface LearnerLabView {
  sessionId: string;
  labId: string;
  /** The runner's view: provisioning | ready | expired | stopped | failed. */
  state: string;
  startedAt: string;
  expiresAt: string;
  /** When the last step was passed, once every step is done. */
  finishedAt: string | null;
  currentStepId: string | null;
  /** When the learner opened the current step (or the session started), for "time on step". */
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
  workshop: { id: string; title: string; joinCode: string; phase: WorkshopPhase; startsAt: string; endsAt: string; capacity: number; warmedAt: string | null };
  labs: Array<{ id: string; title: string; steps: Array<{ id: string; title: string }> }>;
  learners: LearnerView[];
  messages: Array<{ text: string; at: string }>;
  /** The runner did not answer: environment states are as last recorded (progress is the database's own). */
  runnerUnavailable: boolean;
}

export interface SessionInput {
  id: string;
  userId: string;
  labId: string;
  state: string;
  createdAt: Date;
  expiresAt: Date;
  steps: StepRecord[];
  runs: Array<RunRecord & { trigger: string }>;
}

export interface DashboardInput {
  workshop: DashboardView["workshop"];
  labs: readonly Lab[];
  learners: Array<{ publicId: string; userId: string; displayName: string; joinedAt: Date }>;
  /** Every session of the workshop, states already corrected from the runner. */
  sessions: readonly SessionInput[];
  messages: Array<{ text: string; createdAt: Date }>;
  now: Date;
  /** True when the runner could not be asked; states are then the recorded ones. */
  runnerUnavailable?: boolean;
}

const LIVE = new Set(["provisioning", "ready"]);

function stuckReason(cell: StepCell | undefined, since: Date, now: Date): string | null {
  if (!cell) return null;
  if (cell.failedChecks >= STUCK.failedChecks) return `${cell.failedChecks} failed checks on this step`;
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes >= STUCK.minutesOnStep) return `${minutes} minutes on this step`;
  return null;
}

function learnerLab(s: SessionInput, lab: Lab, now: Date): LearnerLabView {
  const progress = progressView({ sessionId: s.id, lab, records: s.steps, runs: s.runs });
  const failed = new Map<string, Set<string>>();
  for (const r of s.runs) {
    if (r.trigger !== "learner" || r.passed) continue;
    const runs = failed.get(r.stepId) ?? new Set<string>();
    runs.add(r.runId);
    failed.set(r.stepId, runs);
  }
  const steps = progress.steps.map((p) => ({ stepId: p.stepId, status: p.status, attempts: p.attempts, failedChecks: failed.get(p.stepId)?.size ?? 0, hintsUsed: p.hintsUsed }));
  const current = progress.steps.find((p) => p.stepId === progress.currentStepId);
  const since = current?.startedAt ? new Date(current.startedAt) : s.createdAt;
  const live = LIVE.has(s.state) && !progress.finished;
  return {
    sessionId: s.id,
    labId: s.labId,
    state: s.state,
    startedAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    finishedAt: progress.finished ? progress.steps.reduce<string | null>((max, p) => (p.passedAt && (!max || p.passedAt > max) ? p.passedAt : max), null) : null,
    currentStepId: progress.currentStepId,
    currentStepSince: progress.currentStepId ? since.toISOString() : null,
    stuck: live ? stuckReason(steps.find((c) => c.stepId === progress.currentStepId), since, now) : null,
    finished: progress.finished,
    score: progress.score,
    steps,
  };
}

export function dashboardView(input: DashboardInput): DashboardView {
  const labs = new Map(input.labs.map((l) => [l.metadata.id, l]));
  const learners = input.learners.map((l): LearnerView => {
    // The newest session per lab is the one that counts (an earlier one may have expired and been restarted).
    const newest = new Map<string, SessionInput>();
    for (const s of input.sessions) {
      if (s.userId !== l.userId || !labs.has(s.labId)) continue;
      const seen = newest.get(s.labId);
      if (!seen || s.createdAt > seen.createdAt) newest.set(s.labId, s);
    }
    const views = [...newest.values()].map((s) => learnerLab(s, labs.get(s.labId)!, input.now));
    return { id: l.publicId, displayName: l.displayName, joinedAt: l.joinedAt.toISOString(), labs: views };
  });
  return {
    workshop: input.workshop,
    labs: input.labs.map((l) => ({ id: l.metadata.id, title: l.metadata.title, steps: l.steps.map((s) => ({ id: s.id, title: s.title })) })),
    learners: learners.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    messages: input.messages.map((m) => ({ text: m.text, at: m.createdAt.toISOString() })),
    runnerUnavailable: input.runnerUnavailable ?? false,
  };
}
