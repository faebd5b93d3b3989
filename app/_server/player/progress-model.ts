/**
 * The lab player's progress, pure: from what the database recorded about a session (one row per step the
 * learner touched, the check runs) and the lab's steps, derive what the player shows (ProgressView, the
 * PLAYER API contract). Steps move locked → active → passed | skipped; "locked" and "active" are derived
 * from order rather than stored, so a step unlocks the moment its predecessor is done, and only what the
 * learner did is ever written. The score weighs checks: a passed step earns its checks' weights, an open
 * step earns the weights of the checks that passed in its last run (partial credit), a skipped step earns 0.
 */
import type { Lab, Step } from "../../../labs/index";
import type { StepStatus } from "../../../prisma/model";

export type { StepStatus };

export interface CheckResultView {
  name: string;
  passed: boolean;
  message: string;
  weight: number;
}

export interface LastCheckView {
  passed: boolean;
  at: string;
  checks: CheckResultView[];
}

export interface StepProgressView {
  stepId: string;
  status: StepStatus;
  attempts: number;
  hintsUsed: number;
  hintsTotal: number;
  solutionRevealed: boolean;
  startedAt: string | null;
  passedAt: string | null;
  lastCheck: LastCheckView | null;
}

export interface ProgressView {
  sessionId: string;
  labId: string;
  currentStepId: string | null;
  finished: boolean;
  steps: StepProgressView[];
  score: { earned: number; max: number };
}

/** A StepProgress row as stored. */
export interface StepRecord {
  stepId: string;
  status: string;
  attempts: number;
  hintsUsed: number;
  solutionRevealed: boolean;
  startedAt: Date | null;
  passedAt: Date | null;
}

/** A CheckRun row as stored (without its output). */
export interface RunRecord {
  stepId: string;
  runId: string;
  checkName: string;
  passed: boolean;
  message: string | null;
  createdAt: Date;
}

const DONE: ReadonlySet<string> = new Set<StepStatus>(["passed", "skipped"]);
/** Passed or skipped; takes a stored status as read from the database too. */
export const isDone = (status: string): boolean => DONE.has(status);

/** Each step's status, in lab order: recorded passed/skipped stand; otherwise a step is open once its predecessor is done. */
export function stepStatuses(steps: readonly Step[], records: ReadonlyMap<string, StepRecord>): StepStatus[] {
  const out: StepStatus[] = [];
  steps.forEach((step, i) => {
    const recorded = records.get(step.id)?.status;
    if (recorded === "passed" || recorded === "skipped") out.push(recorded);
    else out.push(i === 0 || isDone(out[i - 1]!) ? "active" : "locked");
  });
  return out;
}

export const stepWeight = (step: Step): number => step.checks.reduce((sum, c) => sum + c.weight, 0);

/** The lab's weight for a recorded check, matching by name in the step's order (a renamed check weighs 1). */
function weighed(step: Step | undefined, rows: readonly RunRecord[]): CheckResultView[] {
  const unused = [...(step?.checks ?? [])];
  const views = rows.map((row) => {
    const at = unused.findIndex((c) => c.name === row.checkName);
    const check = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    return { order: check ? step!.checks.indexOf(check) : Number.MAX_SAFE_INTEGER, view: { name: row.checkName, passed: row.passed, message: row.message ?? "", weight: check?.weight ?? 1 } };
  });
  return views.sort((a, b) => a.order - b.order).map((v) => v.view);
}

/** The newest run of each step (all checks sharing its runId). */
export function lastChecks(steps: readonly Step[], runs: readonly RunRecord[]): Map<string, LastCheckView> {
  const newest = new Map<string, RunRecord>();
  for (const run of runs) {
    const seen = newest.get(run.stepId);
    if (!seen || run.createdAt > seen.createdAt) newest.set(run.stepId, run);
  }
  const out = new Map<string, LastCheckView>();
  for (const [stepId, latest] of newest) {
    const rows = runs.filter((r) => r.stepId === stepId && r.runId === latest.runId);
    const checks = weighed(steps.find((s) => s.id === stepId), rows);
    const at = rows.reduce((max, r) => (r.createdAt > max ? r.createdAt : max), latest.createdAt);
    out.set(stepId, { passed: checks.every((c) => c.passed), at: at.toISOString(), checks });
  }
  return out;
}

export function progressView(input: { sessionId: string; lab: Lab; records: readonly StepRecord[]; runs: readonly RunRecord[] }): ProgressView {
  const { lab } = input;
  const records = new Map(input.records.map((r) => [r.stepId, r]));
  const statuses = stepStatuses(lab.steps, records);
  const last = lastChecks(lab.steps, input.runs);
  let earned = 0;
  let max = 0;
  const steps = lab.steps.map((step, i): StepProgressView => {
    const record = records.get(step.id);
    const status = statuses[i]!;
    const lastCheck = last.get(step.id) ?? null;
    max += stepWeight(step);
    if (status === "passed") earned += stepWeight(step);
    else if (status === "active") earned += lastCheck?.checks.filter((c) => c.passed).reduce((sum, c) => sum + c.weight, 0) ?? 0;
    return {
      stepId: step.id,
      status,
      attempts: record?.attempts ?? 0,
      hintsUsed: record?.hintsUsed ?? 0,
      hintsTotal: step.hints.length,
      solutionRevealed: record?.solutionRevealed ?? false,
      startedAt: record?.startedAt?.toISOString() ?? null,
      passedAt: record?.passedAt?.toISOString() ?? null,
      lastCheck,
    };
  });
  const current = steps.find((s) => s.status === "active");
  return {
    sessionId: input.sessionId,
    labId: lab.metadata.id,
    currentStepId: current?.stepId ?? null,
    finished: steps.length > 0 && steps.every((s) => isDone(s.status)),
    steps,
    score: { earned, max },
  };
}

type Outcome = Pick<CheckResultView, "name" | "passed" | "message">;

/** Whether two runs said the same thing, in any order (used to skip recording identical background runs). */
export function sameOutcome(a: readonly Outcome[], b: readonly Outcome[]): boolean {
  const canon = (runs: readonly Outcome[]) => runs.map((c) => JSON.stringify([c.name, c.passed, c.message])).sort().join("\n");
  return a.length === b.length && canon(a) === canon(b);
}
