"use client";
/**
 * The end of the lab: the author's wrap-up and what the learner did — steps passed and skipped, the score,
 * attempts, hints, solutions looked at, and the time taken — then the ways out (stop the environment, back to
 * the lab, to the catalog).
 */
import Link from "next/link";
import { RenderedHtml } from "./RenderedHtml";
import { scoreLine } from "./check-display";
import type { ProgressView } from "./progress-types";
import { formatDuration, summarise } from "./summary";

export function FinishPage({ labId, html, progress, onStop, stopping }: { labId: string; html: string | null; progress: ProgressView | null; onStop: (() => void) | null; stopping: boolean }) {
  const summary = progress ? summarise(progress) : null;
  const score = summary ? scoreLine(summary.score) : null;
  return (
    <article className="finish-page" aria-labelledby="player-finish">
      <div className="player-scroll" tabIndex={0}>
        <p className="eyebrow">Finish</p>
        <h2 id="player-finish" className="player-page-title">
          You made it through the lab
        </h2>
        {summary && score ? (
          <dl className="finish-summary" aria-label="Your results">
            <div>
              <dt>Score</dt>
              <dd>
                {score.earned} / {score.max} ({score.percent} %)
              </dd>
            </div>
            <div>
              <dt>Steps</dt>
              <dd>
                {summary.passed} passed{summary.skipped ? `, ${summary.skipped} skipped` : ""} of {summary.total}
              </dd>
            </div>
            <div>
              <dt>Checks run</dt>
              <dd>{summary.attempts}</dd>
            </div>
            <div>
              <dt>Hints used</dt>
              <dd>{summary.hintsUsed}</dd>
            </div>
            <div>
              <dt>Solutions viewed</dt>
              <dd>{summary.solutionsRevealed}</dd>
            </div>
            {summary.durationMs !== null ? (
              <div>
                <dt>Time</dt>
                <dd>{formatDuration(summary.durationMs)}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {html ? <RenderedHtml html={html} /> : null}
      </div>
      <footer className="step-footer">
        <nav className="step-pager" aria-label="Leave the lab">
          {onStop ? (
            <button type="button" className="button button-small" onClick={onStop} disabled={stopping}>
              {stopping ? "Stopping…" : "Stop the environment"}
            </button>
          ) : null}
          <Link className="button button-small" href={`/labs/${labId}`}>
            Back to the lab
          </Link>
          <Link className="button button-primary" href="/">
            More labs
          </Link>
        </nav>
      </footer>
    </article>
  );
}
