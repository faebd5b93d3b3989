"use client";
/**
 * One step in the player: its instructions, the hints and solution revealed so far, the check results, and the
 * action bar — Check, next hint, solution (confirmed first), Skip (runs the step's solve script, confirmed
 * first), reset the step, and Previous/Next. Every action answers with the recorded progress, handed up through
 * `apply`; the step also turns green by itself when the background auto-check passes it, which is announced.
 */
import { useEffect, useRef, useState } from "react";
import { visibleCheck } from "./check-display";
import { CheckResults } from "./CheckResults";
import { Hints } from "./Hints";
import { RenderedHtml } from "./RenderedHtml";
import { checkStep, resetStep, revealHint, revealSolution, skipStep } from "./player-api";
import type { PlayerStep } from "./player-lab";
import type { LastCheckView, ProgressView, StepCheckResponse, StepProgressView } from "./progress-types";

type Action = "check" | "hint" | "solution" | "skip" | "reset";

export interface StepPageProps {
  sessionId: string | null;
  step: PlayerStep;
  index: number;
  total: number;
  progress: StepProgressView | undefined;
  /** The environment is ready (actions need it). */
  ready: boolean;
  /** The step's setup is still running in the environment: actions wait for it. */
  preparing?: boolean;
  apply(progress: ProgressView): void;
  confirm(ask: { title: string; body: string; action: string }): Promise<boolean>;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function StepPage({ sessionId, step, index, total, progress, ready, preparing = false, apply, confirm, onPrevious, onNext }: StepPageProps) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<LastCheckView | null>(null);
  const [hints, setHints] = useState<Record<number, string>>({});
  const [solution, setSolution] = useState<string | null>(null);
  const [autoPassed, setAutoPassed] = useState(false);
  const status = progress?.status ?? "locked";
  const done = status === "passed" || status === "skipped";
  const previous = useRef(status);
  const busyRef = useRef(busy);
  busyRef.current = busy;

  // Passed without the learner pressing Check: the background auto-check saw the work done.
  useEffect(() => {
    if (previous.current === "active" && status === "passed" && busyRef.current === null) setAutoPassed(true);
    previous.current = status;
  }, [status]);

  const run = async <T,>(action: Action, call: () => Promise<T>, then: (result: T) => void) => {
    if (!sessionId) return;
    setBusy(action);
    setError(null);
    try {
      then(await call());
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  };
  const checked = (r: StepCheckResponse) => {
    setLocal({ passed: r.passed, at: new Date().toISOString(), checks: r.checks });
    apply(r.progress);
  };

  const check = () => run("check", () => checkStep(sessionId!, step.id), checked);
  const hint = () =>
    run("hint", () => revealHint(sessionId!, step.id), (r) => {
      const used = r.progress.steps.find((s) => s.stepId === step.id)?.hintsUsed ?? 0;
      setHints((h) => ({ ...h, [Math.max(0, used - 1)]: r.html }));
      apply(r.progress);
    });
  const reveal = async () => {
    if (!(await confirm({ title: "Show the solution?", body: "You will see the complete answer to this step, and the lab records that you looked. Try a hint first if you have not.", action: "Show the solution" }))) return;
    await run("solution", () => revealSolution(sessionId!, step.id), (r) => (setSolution(r.html), apply(r.progress)));
  };
  const skip = async () => {
    if (!(await confirm({ title: "Skip this step?", body: "Praxis runs the step's solution in your environment so you can go on. The step counts as skipped, not passed.", action: "Skip the step" }))) return;
    await run("skip", () => skipStep(sessionId!, step.id), checked);
  };
  const reset = async () => {
    if (!(await confirm({ title: "Reset this step?", body: "The step's setup runs again in your environment. Files you changed for this step may be overwritten.", action: "Reset the step" }))) return;
    await run("reset", () => resetStep(sessionId!, step.id), (r) => (setLocal(null), apply(r.progress)));
  };

  const hintsUsed = Math.min(progress?.hintsUsed ?? 0, step.hintsHtml.length);
  // Hints and the solution are records and pages, not work in the environment: they need no ready environment.
  const canRead = sessionId !== null && busy === null && status !== "locked";
  const canAct = canRead && ready && !preparing;
  const result = visibleCheck(progress, local);

  return (
    <article className="step-page" aria-labelledby={`player-step-${step.id}`} data-step={step.id} data-status={status}>
      <div className="player-scroll" tabIndex={0}>
        <p className="eyebrow">
          Step {index + 1} of {total}
        </p>
        <h2 id={`player-step-${step.id}`} className="player-page-title">
          {step.title}
        </h2>
        <RenderedHtml html={step.html} />
        <Hints step={step} hintsUsed={hintsUsed} revealed={hints} solutionShown={progress?.solutionRevealed === true || solution !== null} solutionHtml={solution} />
      </div>
      <footer className="step-footer">
        {!ready && !done && sessionId !== null ? (
          <p className="step-preparing" role="status">
            <span className="spinner" aria-hidden="true" /> Your environment is still starting. Check, Skip and Reset wait for it; read on, or take a hint.
          </p>
        ) : null}
        {preparing ? (
          <p className="step-preparing" role="status">
            <span className="spinner" aria-hidden="true" /> Setting up this step in your environment — wait a moment before you start.
          </p>
        ) : null}
        {done ? (
          <p className="step-done">
            <span aria-hidden="true">✓</span> {status === "skipped" ? "Step skipped." : autoPassed ? "Step complete — Praxis noticed your work was done." : "Step complete."}
          </p>
        ) : null}
        {step.checkCount > 0 ? <CheckResults result={result} running={busy === "check" || busy === "skip"} error={error} /> : error ? <p className="session-error" role="alert">{error}</p> : null}
        <div className="step-controls">
          <div className="step-actions" role="group" aria-label="Step actions">
            {!done ? (
              // A step without checks is done when the learner says so (its empty check set passes).
              <button type="button" className="button button-primary" onClick={check} disabled={!canAct}>
                {busy === "check" ? "Checking…" : step.checkCount > 0 ? "Check" : "Mark as done"}
              </button>
            ) : null}
            {hintsUsed < step.hintsHtml.length ? (
              <button type="button" className="button button-small" onClick={hint} disabled={!canRead}>
                {hintsUsed === 0 ? "Hint" : "Next hint"} ({hintsUsed + 1}/{step.hintsHtml.length})
              </button>
            ) : null}
            {step.solutionHtml && !progress?.solutionRevealed && solution === null ? (
              <button type="button" className="button button-small" onClick={reveal} disabled={!canRead}>
                Solution…
              </button>
            ) : null}
            {step.hasSolve && !done ? (
              <button type="button" className="button button-small" onClick={skip} disabled={!canAct}>
                {busy === "skip" ? "Skipping…" : "Skip…"}
              </button>
            ) : null}
            <button type="button" className="button button-small" onClick={reset} disabled={!canAct}>
              {busy === "reset" ? "Resetting…" : "Reset step…"}
            </button>
          </div>
          <nav className="step-pager" aria-label="Previous and next">
            {onPrevious ? (
              <button type="button" className="button button-small" onClick={onPrevious}>
                ← Previous
              </button>
            ) : null}
            {onNext ? (
              <button type="button" className={done ? "button button-primary" : "button button-small"} onClick={onNext} disabled={!done} title={done ? undefined : "Pass (or skip) this step to go on"}>
                {index + 1 === total ? "Finish →" : "Next step →"}
              </button>
            ) : null}
          </nav>
        </div>
      </footer>
    </article>
  );
}
