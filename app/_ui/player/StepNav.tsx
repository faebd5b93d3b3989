"use client";
/**
 * The lab's pages as a row of numbered stops — intro, each step, finish — with each step's state in text
 * (for screen readers) and as an icon. Locked steps cannot be opened yet; the page being read is marked
 * aria-current. Turning green here is how the learner sees a step pass, including by auto-detection.
 */
import { canOpen, pageList, stepOf, stepProgress, type PageId } from "./pages";
import type { PlayerLab } from "./player-lab";
import type { ProgressView, StepStatus } from "./progress-types";

const ICON: Record<StepStatus, string> = { locked: "🔒", active: "●", passed: "✓", skipped: "↷" };
const WORDS: Record<StepStatus, string> = { locked: "locked", active: "in progress", passed: "passed", skipped: "skipped" };

export function StepNav({ lab, progress, page, onOpen }: { lab: PlayerLab; progress: ProgressView | null; page: PageId; onOpen(page: PageId): void }) {
  return (
    <nav className="step-nav" aria-label="Lab steps">
      <ol>
        {pageList(lab).map((p) => {
          const id = stepOf(p);
          const index = id ? lab.steps.findIndex((s) => s.id === id) : -1;
          const status = id ? (stepProgress(progress, id)?.status ?? "locked") : null;
          const title = id ? lab.steps[index]!.title : p === "intro" ? "Introduction" : "Finish";
          return (
            <li key={p} data-status={status ?? undefined}>
              <button
                type="button"
                className="step-nav-item"
                aria-current={p === page ? "step" : undefined}
                disabled={!canOpen(p, lab, progress)}
                onClick={() => onOpen(p)}
                title={id ? `Step ${index + 1}: ${title} (${WORDS[status!]})` : title}
              >
                <span className="step-nav-mark" aria-hidden="true">
                  {id ? (status === "passed" || status === "skipped" ? ICON[status] : index + 1) : p === "intro" ? "i" : "⚑"}
                </span>
                <span className="sr-only">{id ? `Step ${index + 1}: ${title}, ${WORDS[status!]}` : title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
