"use client";
/** The lab's introduction, readable while the environment is still being prepared, with the way into step 1. */
import { RenderedHtml } from "./RenderedHtml";

export function IntroPage({ title, html, estimatedMinutes, stepCount, onStart }: { title: string; html: string; estimatedMinutes: number; stepCount: number; onStart: (() => void) | null }) {
  return (
    <article className="intro-page" aria-labelledby="player-intro">
      <div className="player-scroll" tabIndex={0}>
        <p className="eyebrow">
          Introduction · {stepCount} {stepCount === 1 ? "step" : "steps"} · about {estimatedMinutes} min
        </p>
        <h2 id="player-intro" className="player-page-title">
          {title}
        </h2>
        <RenderedHtml html={html} />
      </div>
      <footer className="step-footer">
        <nav className="step-pager" aria-label="Next">
          <button type="button" className="button button-primary" onClick={onStart ?? undefined} disabled={!onStart}>
            {onStart ? "Start step 1 →" : "Preparing your environment…"}
          </button>
        </nav>
      </footer>
    </article>
  );
}
