/**
 * `praxis test` for one lab: provision it for real, then walk the steps as a learner would. For every step:
 * run its setup (the first step's already ran while provisioning), assert that each check FAILS on the
 * untouched environment (a check that already passes cannot tell whether the learner did anything: a broken
 * lab), run `solve`, assert that every check now PASSES. Then remove the environment (or keep it after a
 * failure when asked).
 *
 * Why one attempt is enough before solving. Checks that poll (kubernetes, and any kind with an interval)
 * retry until their timeout, so a check that must fail would always cost its whole timeout. Before solving
 * each check runs once (single-attempt.ts). A pass is still a pass, so a broken check is still caught. What
 * a single attempt could miss is a check that fails at first and passes a little later with nobody acting —
 * state that converges to "solved" on its own. Setup scripts have finished before the checks run, and
 * nothing else acts on the environment, so only a lab that starts the solution itself in the background
 * could do that; that is a lab bug too, but not the one this phase is for. Retries exist to wait for the
 * learner's own change to settle (a rollout, a pod starting), and after solving the checks get them in full.
 *
 * A step with checks but no `solve` fails the lab: nothing could then show that its checks can pass, and
 * the later steps would start from a state no learner reaches. A step without checks (a reading step) needs
 * no solve. After a failed setup, solve or check-after-solve the remaining steps are skipped, since they
 * would fail for reasons that have nothing to do with them; a check passing before solve does not stop the
 * run (the environment is still fine) so one run reports as much as it can.
 */
import type { Lab, Step } from "../../labs/index";
import type { Environments, LabEnvironment, ScriptOutcome } from "./environment";
import { PHASE_TITLE, type LabTestResult, type PhaseKind, type PhaseResult, type PhaseStatus, type Problem } from "./results";

export interface TestLabOptions {
  /** Keep the environment of a lab that failed, for `praxis env shell` (its id is in the result). */
  keepOnFailure: boolean;
  /** Absolute path of the lab's lab.yaml (for the result; the lab itself knows its directory). */
  labFile: string;
  onPhase?: (labId: string, phase: PhaseResult) => void;
  onProgress?: (line: string) => void;
  clock?: () => number;
}

interface Outcome {
  status: PhaseStatus;
  problems: Problem[];
}

const ok: Outcome = { status: "passed", problems: [] };

export async function testLab(lab: Lab, environments: Environments, opts: TestLabOptions): Promise<LabTestResult> {
  const clock = opts.clock ?? Date.now;
  const startedAt = new Date(clock());
  const phases: PhaseResult[] = [];
  const record = (phase: PhaseResult) => {
    phases.push(phase);
    opts.onPhase?.(lab.metadata.id, phase);
  };
  const run = async (phase: PhaseKind, step: Step | undefined, index: number, body: () => Promise<Outcome>) => {
    const started = clock();
    const outcome = await body();
    record({ phase, ...(step && { step: { id: step.id, index } }), ...outcome, durationMs: clock() - started });
    return outcome;
  };

  let env: LabEnvironment | undefined;
  await run("provision", undefined, 0, async () => {
    try {
      env = await environments.up(lab, (line) => opts.onProgress?.(`${lab.metadata.id}: ${line}`));
      return ok;
    } catch (error) {
      return { status: "failed", problems: [{ message: `provisioning failed: ${messageOf(error)}`, at: ["environment"] }] };
    }
  });

  let blockedBy = env ? undefined : "provisioning failed";
  for (const [index, step] of lab.steps.entries()) {
    const planned = plannedPhases(step, index);
    if (blockedBy !== undefined || !env) {
      for (const phase of planned) record({ phase, step: { id: step.id, index }, status: "skipped", durationMs: 0, problems: [], note: `skipped: ${blockedBy}` });
      continue;
    }
    for (const phase of planned) {
      const outcome = await run(phase, step, index, () => PHASES[phase](env!, step, index));
      if (outcome.status !== "passed" && phase !== "fail-before-solve") blockedBy = `${step.id} › ${PHASE_TITLE[phase]} did not pass`;
      if (blockedBy !== undefined) {
        const rest = planned.slice(planned.indexOf(phase) + 1);
        for (const later of rest) record({ phase: later, step: { id: step.id, index }, status: "skipped", durationMs: 0, problems: [], note: `skipped: ${blockedBy}` });
        break;
      }
    }
  }

  const anyFailure = () => phases.some((p) => p.status === "failed" || p.status === "error");
  let keptEnvironment: string | undefined;
  if (env && anyFailure() && opts.keepOnFailure) keptEnvironment = env.id;
  else if (env) {
    const live = env;
    await run("teardown", undefined, 0, async () => {
      const leftovers = await live.down().catch((error: unknown) => [messageOf(error)]);
      return leftovers.length === 0 ? ok : { status: "error", problems: [{ message: `could not remove everything: ${leftovers.join("; ")}`, at: [] }] };
    });
  }
  return {
    labId: lab.metadata.id,
    labFile: opts.labFile,
    startedAt,
    durationMs: clock() - startedAt.getTime(),
    phases,
    passed: !anyFailure(),
    ...(keptEnvironment && { keptEnvironment }),
  };
}

/** The phases a step goes through; a reading step without setup has none. */
export function plannedPhases(step: Step, index: number): StepPhase[] {
  const phases: StepPhase[] = [];
  if (index > 0 && step.setup.length > 0) phases.push("setup");
  if (step.checks.length > 0) phases.push("fail-before-solve");
  if (step.solve || step.checks.length > 0) phases.push("solve");
  if (step.checks.length > 0) phases.push("pass-after-solve");
  return phases;
}

type StepPhase = Exclude<PhaseKind, "provision" | "teardown">;
type PhaseBody = (env: LabEnvironment, step: Step, index: number) => Promise<Outcome>;

const PHASES: Record<StepPhase, PhaseBody> = {
  async setup(env, step, index) {
    for (const [k, script] of step.setup.entries()) {
      const run = await env.runScript(script).catch((error: unknown) => thrown(error));
      const failure = scriptFailure(run, `setup script ${script.script.path ?? `#${k + 1}`} on ${script.host}`);
      if (failure) return { status: "failed", problems: [{ message: failure, at: ["steps", index, "setup", k] }] };
    }
    return ok;
  },

  // Checks are read-only by contract (AUTHORING.md), so a step's run side by side: the single attempts
  // of polling kinds then cost one budget per step rather than one per check.
  async "fail-before-solve"(env, step, index) {
    const found = await Promise.all(
      step.checks.map(async (check, j): Promise<Problem & { error?: true }> => {
        const at = ["steps", index, "checks", j];
        try {
          const outcome = await env.runCheck(check, "once");
          if (!outcome.passed) return { message: "", at };
          return { message: `check "${check.name}" already passes before step ${step.id} is solved: it cannot tell whether the learner did anything (broken lab)`, at };
        } catch (error) {
          return { message: `check "${check.name}" could not be run: ${messageOf(error)}`, at, error: true };
        }
      }),
    );
    const problems = found.filter((p) => p.message !== "").map(({ message, at }) => ({ message, at }));
    return problems.length === 0 ? ok : { status: found.some((p) => p.error) ? "error" : "failed", problems };
  },

  async solve(env, step, index) {
    if (!step.solve) {
      return {
        status: "failed",
        problems: [{ message: `step ${step.id} has checks but no \`solve\` script, so nothing shows its checks can pass; add one`, at: ["steps", index] }],
      };
    }
    const run = await env.runScript(step.solve).catch((error: unknown) => thrown(error));
    const failure = scriptFailure(run, `solve script ${step.solve.script.path ?? ""}`.trimEnd() + ` on ${step.solve.host}`);
    return failure ? { status: "failed", problems: [{ message: failure, at: ["steps", index, "solve"] }] } : ok;
  },

  async "pass-after-solve"(env, step, index) {
    const problems: Problem[] = [];
    let errored = false;
    for (const [j, check] of step.checks.entries()) {
      const at = ["steps", index, "checks", j];
      try {
        const outcome = await env.runCheck(check, "retry");
        if (!outcome.passed) problems.push({ message: `check "${check.name}" still fails after solve: ${outcome.message || "(no message)"}`, at });
      } catch (error) {
        errored = true;
        problems.push({ message: `check "${check.name}" could not be run: ${messageOf(error)}`, at });
      }
    }
    return problems.length === 0 ? ok : { status: errored ? "error" : "failed", problems };
  },
};

function thrown(error: unknown): ScriptOutcome {
  return { exitCode: -1, output: messageOf(error), timedOut: false, durationMs: 0 };
}

/** Undefined when the script succeeded; otherwise what went wrong with the tail of its output. */
function scriptFailure(run: ScriptOutcome, what: string): string | undefined {
  if (run.timedOut) return `${what} timed out${tail(run.output)}`;
  if (run.exitCode !== 0) return `${what} exited with ${run.exitCode}${tail(run.output)}`;
  return undefined;
}

function tail(output: string, lines = 10): string {
  const text = output.trimEnd().split("\n").slice(-lines).join("\n");
  return text === "" ? "" : `:\n${text}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
