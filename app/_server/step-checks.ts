/**
 * Server-only: runs every check of one step in the learner's running environment, in order, and reports
 * each one (all of them run, so the learner sees every unmet condition at once). The lab definition says
 * what a check is; the runner executes it and says pass or fail with the learner-facing message. Recording
 * the run and moving the step along is the player's job (player/step-actions.ts); this only executes.
 */
import type { Step } from "../../labs/index";
import { checkRequest } from "../../runner/checks/request";
import type { RecordedCheck } from "./player/progress-store";
import type { RunnerClient } from "./runner-client";

export async function runStepChecks(runner: RunnerClient, sessionId: string, step: Step, opts: { background?: boolean } = {}): Promise<RecordedCheck[]> {
  const results: RecordedCheck[] = [];
  for (const check of step.checks) {
    const started = Date.now();
    const outcome = await runner.check(sessionId, checkRequest(check), opts);
    results.push({
      name: check.name,
      passed: outcome.passed,
      message: outcome.passed ? "" : outcome.message,
      weight: check.weight,
      output: outcome.output ?? "",
      durationMs: outcome.durationMs ?? Date.now() - started,
    });
  }
  return results;
}
