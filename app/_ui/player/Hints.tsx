"use client";
/**
 * The hints and the solution a learner has revealed for one step (the buttons that reveal them are in the
 * step's action bar). Revealed ones stay visible after a reload, because the count comes from the recorded
 * progress and the text from the page (or from the server's answer to the reveal).
 */
import type { PlayerStep } from "./player-lab";
import { RenderedHtml } from "./RenderedHtml";

export interface HintsProps {
  step: PlayerStep;
  hintsUsed: number;
  /** Hint HTML the server sent on reveal, by index; falls back to the page's copy. */
  revealed: Record<number, string>;
  solutionShown: boolean;
  solutionHtml: string | null;
}

export function Hints({ step, hintsUsed, revealed, solutionShown, solutionHtml }: HintsProps) {
  const total = step.hintsHtml.length;
  const shown = Math.min(hintsUsed, total);
  if (shown === 0 && !solutionShown) return null;
  return (
    <section className="step-help" aria-label="Help">
      {shown > 0 ? (
        <ol className="hint-list">
          {Array.from({ length: shown }, (_, i) => (
            <li key={i} className="hint" aria-label={`Hint ${i + 1} of ${total}`}>
              <p className="hint-title">Hint {i + 1}</p>
              <RenderedHtml html={revealed[i] ?? step.hintsHtml[i] ?? ""} />
            </li>
          ))}
        </ol>
      ) : null}
      {solutionShown ? (
        <div className="solution" aria-label="Solution" role="region">
          <p className="hint-title">Solution</p>
          <RenderedHtml html={solutionHtml ?? step.solutionHtml ?? ""} />
        </div>
      ) : null}
    </section>
  );
}
