"use client";
/**
 * The lab player: a bar (the lab, its steps, the score, time left with Extend/Reset/Stop, the learner), then
 * the instructions beside the workspace. The environment starts (or is found again) on load; while it is
 * prepared the workspace shows the provisioning steps and the learner can read the introduction. Progress
 * comes from the server and is pushed live, so a step turns green by itself when its checks pass, and a
 * reload — or another device — lands on the same page with the same progress.
 */
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { MarkdownEnhancer } from "../markdown/MarkdownEnhancer";
import { ProvisionProgress } from "../lab-session/ProvisionProgress";
import { SessionBar } from "../lab-session/SessionBar";
import { scoreLine } from "./check-display";
import { FinishPage } from "./FinishPage";
import { IntroPage } from "./IntroPage";
import { LearnerMenu } from "./LearnerMenu";
import { canOpen, initialPage, neighbour, stepOf, stepPage, stepProgress, type PageId } from "./pages";
import { startStep } from "./player-api";
import type { PlayerLab } from "./player-lab";
import { StepNav } from "./StepNav";
import { StepPage } from "./StepPage";
import { useConfirm } from "./useConfirm";
import { useEnvironment } from "./useEnvironment";
import { useProgress } from "./useProgress";
import { useSplit } from "./useSplit";
import { Workspace } from "./Workspace";
import { WorkshopBanner } from "../workshops/WorkshopBanner";
import "./player.css";

const pageKey = (sessionId: string) => `praxis-page:${sessionId}`;

export function Player({ lab }: { lab: PlayerLab }) {
  const env = useEnvironment(lab.id);
  const { view } = env;
  const session = view.kind === "provisioning" || view.kind === "ready" ? view.session : view.kind === "error" ? view.session : null;
  const sessionId = session?.id ?? null;
  const { progress, error: progressError, apply } = useProgress(sessionId);
  const [page, setPage] = useState<PageId | null>(null);
  const [navError, setNavError] = useState<string | null>(null);
  // The step whose setup is running on the server: the learner waits for it, or setup could undo their work.
  const [preparingStep, setPreparingStep] = useState<string | null>(null);
  const [setupFailed, setSetupFailed] = useState<{ stepId: string; message: string } | null>(null);
  const [setupAttempt, setSetupAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [dialog, confirm] = useConfirm();
  const split = useSplit();
  const statuses = useRef(new Map<string, string>());

  // Land once the progress is known: where the learner was, else intro / current step / finish.
  useEffect(() => {
    if (!progress || !sessionId || page !== null) return;
    const remembered = window.localStorage.getItem(pageKey(sessionId)) as PageId | null;
    setPage(initialPage(lab, progress, remembered));
  }, [progress, sessionId, page, lab]);

  useEffect(() => {
    if (sessionId && page) window.localStorage.setItem(pageKey(sessionId), page);
  }, [sessionId, page]);

  // Say it when a step passes, whoever noticed (the learner's Check or the background auto-check).
  useEffect(() => {
    if (!progress) return;
    for (const s of progress.steps) {
      const before = statuses.current.get(s.stepId);
      if (before === "active" && (s.status === "passed" || s.status === "skipped")) {
        const index = lab.steps.findIndex((st) => st.id === s.stepId);
        setAnnouncement(`Step ${index + 1}, ${lab.steps[index]?.title}, ${s.status}.`);
      }
      statuses.current.set(s.stepId, s.status);
    }
  }, [progress, lab.steps]);

  const go = useCallback((target: PageId) => {
    setNavError(null);
    setPage(target);
  }, []);

  const shown: PageId = page ?? (lab.introHtml ? "intro" : "finish");
  const stepId = stepOf(shown);
  const ready = view.kind === "ready";

  // A step shown but not yet started on the server has its setup run now, before the learner works in it
  // (else the setup would run at the first Check, over their work). The server runs it once per step.
  const shownStep = stepId ? stepProgress(progress, stepId) : undefined;
  const needsStart = ready && sessionId !== null && shownStep?.status === "active" && shownStep.startedAt === null;
  useEffect(() => {
    if (!needsStart || !stepId || !sessionId) return;
    setPreparingStep(stepId);
    setSetupFailed(null);
    startStep(sessionId, stepId)
      .then(
        (r) => apply(r.progress),
        (err: unknown) => setSetupFailed({ stepId, message: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => setPreparingStep((s) => (s === stepId ? null : s)));
  }, [needsStart, stepId, sessionId, apply, setupAttempt]);
  const stepIndex = stepId ? lab.steps.findIndex((s) => s.id === stepId) : -1;
  const opener = (target: PageId | null) => (target && canOpen(target, lab, progress) ? () => go(target) : null);
  const score = progress ? scoreLine(progress.score) : null;
  const doneCount = progress?.steps.filter((s) => s.status === "passed" || s.status === "skipped").length ?? 0;

  return (
    <div className="player" data-environment={view.kind}>
      <header className="player-bar">
        <Link className="player-title" href={`/labs/${lab.id}`} title="Back to the lab's overview">
          {lab.title}
        </Link>
        <StepNav lab={lab} progress={progress} page={shown} onOpen={go} />
        {score ? (
          <span className="player-score" title="Steps done and score (partial credit by check weight)">
            {doneCount}/{lab.steps.length} steps · {score.earned}/{score.max} pts
          </span>
        ) : null}
        {view.kind === "ready" ? (
          <SessionBar compact expiresAt={view.session.expiresAt} busy={view.busy} error={view.error} onExtend={env.extend} onReset={env.reset} onStop={env.stop} />
        ) : null}
        <LearnerMenu />
      </header>
      <WorkshopBanner />
      <div className="player-panes" ref={split.container} style={{ gridTemplateColumns: `${split.share}% 0.5rem 1fr` }}>
        <section className="player-instructions" aria-label="Instructions">
          {progressError && !progress ? <p className="player-alert session-error">Your progress could not be loaded: {progressError}</p> : null}
          {navError ? (
            <p className="player-alert session-error" role="alert">
              {navError}
            </p>
          ) : null}
          {setupFailed && setupFailed.stepId === stepId ? (
            <p className="player-alert session-error" role="alert">
              This step could not be set up in your environment: {setupFailed.message}{" "}
              <button type="button" className="button button-small" onClick={() => setSetupAttempt((n) => n + 1)}>
                Try again
              </button>
            </p>
          ) : null}
          {shown === "intro" && lab.introHtml ? (
            <IntroPage title={lab.title} html={lab.introHtml} estimatedMinutes={lab.estimatedMinutes} stepCount={lab.steps.length} onStart={lab.steps[0] ? opener(stepPage(lab.steps[0].id)) : null} />
          ) : stepId && stepIndex >= 0 ? (
            <StepPage
              key={stepId}
              sessionId={sessionId}
              step={lab.steps[stepIndex]!}
              index={stepIndex}
              total={lab.steps.length}
              progress={stepProgress(progress, stepId)}
              ready={ready}
              preparing={preparingStep === stepId}
              apply={apply}
              confirm={confirm}
              onPrevious={opener(neighbour(shown, lab, -1))}
              onNext={() => {
                const next = neighbour(shown, lab, 1);
                if (next) go(next);
              }}
            />
          ) : (
            <FinishPage labId={lab.id} html={lab.finishHtml} progress={progress} onStop={ready ? env.stop : null} stopping={view.kind === "ready" && view.busy === "stopping"} />
          )}
        </section>
        <div className="player-divider" {...split.separator} />
        <div className="player-work">
          {/* While it stops, the workspace goes at once: its terminals would only try to reconnect to what is being removed. */}
          {view.kind === "ready" && view.busy !== "stopping" ? <Workspace key={view.session.id} sessionId={view.session.id} hosts={lab.hosts.filter((h) => view.session.hosts.includes(h.name))} services={lab.services} /> : null}
          {view.kind === "ready" && view.busy === "stopping" ? (
            <div className="player-status" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> Stopping your environment…
            </div>
          ) : null}
          {view.kind === "provisioning" ? <ProvisionProgress key={`${view.session.id}-${view.since}`} sessionId={view.session.id} since={view.since} onReady={env.provisioned} onFailed={env.failed} /> : null}
          {view.kind === "loading" || view.kind === "starting" ? (
            <div className="player-status" role="status" aria-live="polite">
              <span className="spinner" aria-hidden="true" /> {view.kind === "loading" ? "Looking for your environment…" : "Preparing your environment…"}
            </div>
          ) : null}
          {view.kind === "error" ? (
            <div className="player-status" role="alert">
              <p className="session-error">Your environment could not be started: {view.message}</p>
              <button type="button" className="button button-primary" onClick={env.start}>
                Try again
              </button>
            </div>
          ) : null}
          {view.kind === "stopped" ? (
            <div className="player-status" role="status">
              <p>The environment is stopped. Your progress is saved: a new environment picks up where you left off.</p>
              <button type="button" className="button button-primary" onClick={env.start}>
                Start a new environment
              </button>{" "}
              <Link className="button" href={`/labs/${lab.id}`}>
                Back to the lab
              </Link>
            </div>
          ) : null}
        </div>
      </div>
      <div className="sr-only player-announcer" role="status" aria-live="polite">
        {announcement}
      </div>
      {dialog}
      <MarkdownEnhancer contentKey={shown} />
    </div>
  );
}
