"use client";
/**
 * The result of a step's checks: passed or not, then each check with ✓/✗, its name and, for a failure, the
 * author's message saying what is still missing. Lives in a polite live region, so a screen reader hears the
 * outcome of Check — and of the background auto-check — without moving focus.
 */
import type { LastCheckView } from "./progress-types";

export function CheckResults({ result, running, error }: { result: LastCheckView | null; running: boolean; error: string | null }) {
  const failing = result ? result.checks.filter((c) => !c.passed).length : 0;
  return (
    <div className="check-results" role="status" aria-live="polite" data-result={running ? "running" : result ? (result.passed ? "passed" : "failed") : "none"}>
      {running ? <p className="check-summary">Checking your work…</p> : null}
      {!running && error ? <p className="check-summary session-error">The check could not run: {error}</p> : null}
      {!running && !error && result ? (
        <>
          <p className="check-summary">{result.passed ? "All checks passed." : `${failing} of ${result.checks.length} ${result.checks.length === 1 ? "check" : "checks"} not met yet.`}</p>
          <ul className="check-list">
            {result.checks.map((c) => (
              <li key={c.name} data-passed={c.passed}>
                <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed: " : "Not yet: "}</span>
                <span className="check-name">{c.name}</span>
                {!c.passed && c.message ? <span className="check-message"> — {c.message}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
