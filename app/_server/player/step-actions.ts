/**
 * What a learner can do to one step of their own lab session (the PLAYER API contract): check it, open
 * it (running its setup the first time), reveal hints and the solution, skip it (run its `solve`, then its
 * checks) and reset it (run its setup again). Each action proves the session is the learner's, applies
 * the step state machine (a locked step refuses everything), records what happened, and answers with the
 * fresh ProgressView. The background auto-check shares the same code path without counting attempts.
 */
import type { Lab, Step } from "../../../labs/index";
import { renderMarkdown } from "../../../labs/markdown/index";
import type { CheckTrigger } from "../../../prisma/model";
import type { LabSessionDeps } from "../lab-sessions";
import { LabSessionError } from "../runner-client";
import { runStepChecks } from "../step-checks";
import { isDone, sameOutcome, type CheckResultView, type ProgressView, type StepStatus } from "./progress-model";
import * as store from "./progress-store";
import { runStepScript } from "./step-scripts";

export interface CheckReport {
  stepId: string;
  passed: boolean;
  checks: CheckResultView[];
  progress: ProgressView;
}

interface StepContext {
  session: store.SessionRef;
  lab: Lab;
  step: Step;
  status: StepStatus;
}

async function stepContext(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<StepContext> {
  const session = await store.ownedSession(deps.prisma, userId, sessionId);
  const lab = await deps.loadLab(session.labId);
  const index = lab.steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw new LabSessionError("not_found", `lab ${lab.metadata.id} has no step "${stepId}"`);
  const progress = await store.loadProgress(deps.prisma, session, lab);
  const status = progress.steps[index]!.status;
  const step = lab.steps[index]!;
  if (status === "locked") {
    const open = lab.steps.find((s) => s.id === progress.currentStepId);
    throw new LabSessionError("conflict", `step "${step.title}" is locked${open ? `: finish "${open.title}" first` : ""}`);
  }
  return { session, lab, step, status };
}

const fresh = (deps: LabSessionDeps, ctx: StepContext) => store.loadProgress(deps.prisma, ctx.session, ctx.lab);

export async function getProgress(deps: LabSessionDeps, userId: string, sessionId: string): Promise<ProgressView> {
  const session = await store.ownedSession(deps.prisma, userId, sessionId);
  return store.loadProgress(deps.prisma, session, await deps.loadLab(session.labId));
}

async function runSetup(deps: LabSessionDeps, sessionId: string, step: Step): Promise<void> {
  for (const script of step.setup) await runStepScript(deps.runner, sessionId, step, script, "setup");
}

/** Runs the step's setup the first time it is opened. */
async function ensureStarted(deps: LabSessionDeps, ctx: StepContext): Promise<void> {
  if (await store.claimStart(deps.prisma, ctx.session.id, ctx.step.id)) await setupClaimed(deps, ctx);
}

/**
 * Runs the setup of a step this caller just marked started; a failure unmarks it, so a retry runs it again.
 * After an environment reset (which unmarks every step) the earlier steps the learner finished are replayed
 * first — each one's setup and solve, in order — so the fresh environment is where the learner left it.
 * The first step's setup is left to provisioning, unless the learner asked to reset that step.
 */
async function setupClaimed(deps: LabSessionDeps, ctx: StepContext, opts: { evenTheFirst?: boolean } = {}): Promise<void> {
  const index = ctx.lab.steps.indexOf(ctx.step);
  try {
    await replayFinishedSteps(deps, ctx, index);
    if (index > 0 || opts.evenTheFirst) await runSetup(deps, ctx.session.id, ctx.step);
  } catch (err) {
    await store.releaseStart(deps.prisma, ctx.session.id, ctx.step.id);
    throw err;
  }
}

async function replayFinishedSteps(deps: LabSessionDeps, ctx: StepContext, before: number): Promise<void> {
  const progress = await store.loadProgress(deps.prisma, ctx.session, ctx.lab);
  for (const [i, step] of ctx.lab.steps.slice(0, before).entries()) {
    const view = progress.steps[i]!;
    if (!isDone(view.status) || view.startedAt !== null || !(await store.claimStart(deps.prisma, ctx.session.id, step.id))) continue;
    try {
      if (i > 0) await runSetup(deps, ctx.session.id, step);
      if (step.solve) await runStepScript(deps.runner, ctx.session.id, step, step.solve, "solve");
    } catch (err) {
      await store.releaseStart(deps.prisma, ctx.session.id, step.id);
      throw err;
    }
  }
}

/** Runs, records and applies one run of the step's checks. */
async function runChecks(deps: LabSessionDeps, ctx: StepContext, trigger: CheckTrigger): Promise<{ passed: boolean; checks: CheckResultView[] }> {
  const { prisma } = deps;
  const results = await runStepChecks(deps.runner, ctx.session.id, ctx.step);
  const passed = results.every((c) => c.passed);
  if (results.length > 0) await store.recordRun(prisma, ctx.session.id, ctx.step.id, trigger, results);
  if (trigger === "learner") await store.countAttempt(prisma, ctx.session.id, ctx.step.id);
  if (passed) await store.markDone(prisma, ctx.session.id, ctx.step.id, trigger === "skip" ? "skipped" : "passed");
  await store.touchSession(prisma, ctx.session.id);
  return { passed, checks: results.map(({ name, passed, message, weight }) => ({ name, passed, message, weight })) };
}

export async function checkAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<CheckReport> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  await ensureStarted(deps, ctx);
  const run = await runChecks(deps, ctx, "learner");
  return { stepId, ...run, progress: await fresh(deps, ctx) };
}

export async function startAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<{ progress: ProgressView }> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  if (!isDone(ctx.status)) await ensureStarted(deps, ctx);
  await store.touchSession(deps.prisma, sessionId);
  return { progress: await fresh(deps, ctx) };
}

/**
 * Reveals the next hint (recorded), or, with `index`, shows one already revealed again (a reload must
 * be able to show what the learner has seen without counting it twice).
 */
export async function hintAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string, index?: number): Promise<{ index: number; html: string; progress: ProgressView }> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  const total = ctx.step.hints.length;
  if (total === 0) throw new LabSessionError("not_found", `step "${ctx.step.title}" has no hints`);
  let shown: number;
  if (index !== undefined) {
    if (index >= (await store.hintsUsed(deps.prisma, sessionId, stepId))) throw new LabSessionError("conflict", `hint ${index + 1} of step "${ctx.step.title}" is not revealed yet`);
    shown = index;
  } else {
    const next = await store.revealNextHint(deps.prisma, sessionId, stepId, total);
    if (next === null) throw new LabSessionError("conflict", `all ${total} hints of step "${ctx.step.title}" are already shown`);
    shown = next;
  }
  const html = renderMarkdown(ctx.step.hints[shown]!, { minHeadingLevel: 4, idPrefix: `hint-${stepId}-${shown}-` }).html;
  return { index: shown, html, progress: await fresh(deps, ctx) };
}

export async function solutionAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<{ html: string; progress: ProgressView }> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  if (!ctx.step.solution) throw new LabSessionError("not_found", `step "${ctx.step.title}" has no solution page`);
  await store.revealSolution(deps.prisma, sessionId, stepId);
  const html = renderMarkdown(ctx.step.solution.markdown, { minHeadingLevel: 3, idPrefix: `solution-${stepId}-`, omitLeadingTitle: ctx.step.title }).html;
  return { html, progress: await fresh(deps, ctx) };
}

/** Runs the step's `solve` script, then its checks; passing makes the step "skipped" (it earns no points). */
export async function skipAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<CheckReport> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  if (isDone(ctx.status)) throw new LabSessionError("conflict", `step "${ctx.step.title}" is already ${ctx.status}`);
  if (!ctx.step.solve) throw new LabSessionError("conflict", `step "${ctx.step.title}" has no solve script, so it cannot be skipped`);
  await ensureStarted(deps, ctx);
  const skipStarted = new Date();
  await runStepScript(deps.runner, sessionId, ctx.step, ctx.step.solve, "solve");
  const run = await runChecks(deps, ctx, "skip");
  if (run.passed) await store.passedDuringSkip(deps.prisma, sessionId, stepId, skipStarted);
  return { stepId, ...run, progress: await fresh(deps, ctx) };
}

/** Runs the step's setup scripts again (the learner wants a clean start of this step). */
export async function resetAction(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<{ progress: ProgressView }> {
  const ctx = await stepContext(deps, userId, sessionId, stepId);
  if (await store.claimStart(deps.prisma, sessionId, stepId)) await setupClaimed(deps, ctx, { evenTheFirst: true });
  else await runSetup(deps, sessionId, ctx.step);
  await store.touchSession(deps.prisma, sessionId);
  return { progress: await fresh(deps, ctx) };
}

/**
 * One background run for a session the caller has already checked ownership of: the current step's
 * checks, when it has been started and the environment is ready. Recorded (unless it says exactly what
 * the previous run said) but never counted as an attempt. Answers the fresh progress, or null when the
 * session is gone from the database.
 */
export async function autoCheck(deps: LabSessionDeps, sessionId: string): Promise<ProgressView | null> {
  const session = await store.sessionById(deps.prisma, sessionId);
  if (!session) return null;
  const lab = await deps.loadLab(session.labId);
  const progress = await store.loadProgress(deps.prisma, session, lab);
  const step = lab.steps.find((s) => s.id === progress.currentStepId);
  if (!step || step.checks.length === 0 || !(await store.isStarted(deps.prisma, sessionId, step.id))) return progress;
  const live = await deps.runner.find(sessionId);
  if (live?.state !== "ready") return progress;
  const results = await runStepChecks(deps.runner, sessionId, step, { background: true });
  const previous = await store.lastRun(deps.prisma, sessionId, step.id);
  if (!previous || !sameOutcome(previous, results)) await store.recordRun(deps.prisma, sessionId, step.id, "background", results);
  if (results.every((c) => c.passed)) await store.markDone(deps.prisma, sessionId, step.id, "passed");
  return store.loadProgress(deps.prisma, session, lab);
}
