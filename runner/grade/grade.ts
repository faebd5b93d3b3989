/**
 * `praxis grade` for one submission: provision the lab, run the setup of every step after the first (the
 * first step's ran while provisioning) so the environment is what a learner who reached the end had, put
 * the submission's files in place, then run every check of every step — with their normal retries, as
 * settling state (a rollout, an image build) is part of a real answer — and score them. Each check is worth
 * its weight; a passing check earns it all, a failing one nothing, so the total is partial credit.
 */
import type { Check, Lab } from "../../labs/index";
import type { Environments, LabEnvironment } from "../testing/environment";
import { applySubmissionFile, type SubmissionResult } from "./apply-submission";
import type { SubmissionSource } from "./submission";

export interface GradedCheck {
  step: { id: string; title: string; index: number };
  /** Index of the check in its step (for its line in lab.yaml). */
  index: number;
  name: string;
  kind: Check["kind"];
  weight: number;
  passed: boolean;
  points: number;
  message: string;
  durationMs: number;
}

export interface GradeResult {
  labId: string;
  submission: SubmissionResult[];
  checks: GradedCheck[];
  score: { earned: number; max: number };
  durationMs: number;
  /** The session id of the environment graded in (removed afterwards unless kept). */
  environmentId: string;
  /** The environment id when --keep kept it. */
  keptEnvironment?: string;
}

/** Grading could not be done at all (provisioning or a lab's own setup failed): no score. */
export class GradingError extends Error {
  override readonly name = "GradingError";
}

export interface GradeOptions {
  keep: boolean;
  onProgress?: (line: string) => void;
  clock?: () => number;
}

export async function gradeLab(lab: Lab, environments: Environments, source: SubmissionSource, opts: GradeOptions): Promise<GradeResult> {
  if (!lab.grading) throw new GradingError(`lab ${lab.metadata.id} has no \`grading\` section, so it does not say where a submission's files go (see AUTHORING.md, "Grading submissions")`);
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const progress = (line: string) => opts.onProgress?.(line);
  let env: LabEnvironment;
  try {
    env = await environments.up(lab, progress);
  } catch (error) {
    throw new GradingError(`provisioning failed: ${messageOf(error)}`, { cause: error });
  }
  let kept = false;
  try {
    await runLaterSetups(lab, env, progress);
    const submission: SubmissionResult[] = [];
    for (const entry of lab.grading.submission) {
      const result = await applySubmissionFile(entry, env, source);
      progress(`${result.status === "applied" ? "✓" : "✗"} ${entry.file}: ${result.message.split("\n")[0]}`);
      submission.push(result);
    }
    progress("running every check");
    const checks = await runAllChecks(lab, env);
    const score = { earned: checks.reduce((sum, c) => sum + c.points, 0), max: checks.reduce((sum, c) => sum + c.weight, 0) };
    kept = opts.keep;
    return { labId: lab.metadata.id, submission, checks, score, durationMs: clock() - started, environmentId: env.id, ...(kept && { keptEnvironment: env.id }) };
  } finally {
    if (!kept) {
      const leftovers = await env.down().catch((error: unknown) => [messageOf(error)]);
      if (leftovers.length > 0) progress(`could not remove everything of environment ${env.id}: ${leftovers.join("; ")}`);
    }
  }
}

async function runLaterSetups(lab: Lab, env: LabEnvironment, progress: (line: string) => void): Promise<void> {
  for (const step of lab.steps.slice(1)) {
    for (const script of step.setup) {
      progress(`setup of step ${step.id} on ${script.host}`);
      const run = await env.runScript(script);
      if (run.exitCode !== 0 || run.timedOut) {
        const why = run.timedOut ? "timed out" : `exited with ${run.exitCode}`;
        throw new GradingError(`the setup of step ${step.id} ${why} (a problem with the lab, not the submission):\n${run.output.trimEnd().split("\n").slice(-10).join("\n")}`);
      }
    }
  }
}

/** Checks are read-only by contract, so all of them run side by side; their retries then overlap. */
async function runAllChecks(lab: Lab, env: LabEnvironment): Promise<GradedCheck[]> {
  const jobs = lab.steps.flatMap((step, s) =>
    step.checks.map(async (check, index): Promise<GradedCheck> => {
      const outcome = await env.runCheck(check, "retry").catch((error: unknown) => ({ passed: false, message: `the check could not be run: ${messageOf(error)}`, durationMs: 0 }));
      return {
        step: { id: step.id, title: step.title, index: s },
        index,
        name: check.name,
        kind: check.kind,
        weight: check.weight,
        passed: outcome.passed,
        points: outcome.passed ? check.weight : 0,
        message: outcome.message,
        durationMs: outcome.durationMs,
      };
    }),
  );
  return Promise.all(jobs);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
