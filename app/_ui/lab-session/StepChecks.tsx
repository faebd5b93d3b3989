"use client";
/**
 * "Check your work" under a running environment: one row per step that has checks, a Check button that
 * runs them in the learner's environment, and the result of each check (what is still missing, in the
 * lab author's words). A stop-gap until the lab player (a later issue) puts checks beside each step.
 */
import { useState } from "react";
import { checkStep, type StepCheckView } from "./session-api";

export interface CheckableStep {
  id: string;
  title: string;
}

type RowState = { kind: "idle" } | { kind: "checking" } | { kind: "done"; report: StepCheckView } | { kind: "error"; message: string };

export function StepChecks({ sessionId, steps }: { sessionId: string; steps: CheckableStep[] }) {
  const [rows, setRows] = useState<Record<string, RowState>>({});
  if (steps.length === 0) return null;
  const run = (stepId: string) => {
    setRows((r) => ({ ...r, [stepId]: { kind: "checking" } }));
    checkStep(sessionId, stepId).then(
      (report) => setRows((r) => ({ ...r, [stepId]: { kind: "done", report } })),
      (err: unknown) => setRows((r) => ({ ...r, [stepId]: { kind: "error", message: err instanceof Error ? err.message : String(err) } })),
    );
  };
  return (
    <section className="step-checks" aria-label="Check your work">
      <h2 className="step-checks-title">Check your work</h2>
      <ol>
        {steps.map((step) => {
          const row = rows[step.id] ?? { kind: "idle" };
          return (
            <li key={step.id} data-step={step.id} data-result={row.kind === "done" ? (row.report.passed ? "passed" : "failed") : row.kind}>
              <span className="step-checks-name">{step.title}</span>
              <button type="button" className="button" onClick={() => run(step.id)} disabled={row.kind === "checking"}>
                {row.kind === "checking" ? "Checking…" : "Check"}
              </button>
              {row.kind === "error" ? <p className="session-error">{row.message}</p> : null}
              {row.kind === "done" ? (
                <ul className="step-checks-results" role="status">
                  {row.report.checks.map((c) => (
                    <li key={c.name} data-passed={c.passed}>
                      {c.passed ? "✓" : "✗"} {c.name}
                      {c.message ? <span className="step-checks-message"> — {c.message}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
