/**
 * Runs one of a step's scripts (setup when the learner reaches the step, solve when they skip it) on its
 * host through the runner, and turns a failure into an error that says which step, which script, on which
 * host, and how it ended, with the end of its output (where the reason usually is).
 */
import type { HostScript, Step } from "../../../labs/index";
import { LabSessionError, type RunnerClient } from "../runner-client";

const SHOWN_OUTPUT_CHARS = 600;

export async function runStepScript(runner: RunnerClient, sessionId: string, step: Step, script: HostScript, purpose: "setup" | "solve"): Promise<void> {
  const run = await runner.runScript(sessionId, { host: script.host, script: script.script.content, timeoutMs: script.timeoutMs });
  if (!run.timedOut && run.exitCode === 0) return;
  const name = script.script.path ? ` (${script.script.path})` : "";
  const how = run.timedOut ? `did not finish within ${Math.ceil(script.timeoutMs / 1000)}s` : `exited with code ${run.exitCode}`;
  const output = run.output.trim().slice(-SHOWN_OUTPUT_CHARS);
  throw new LabSessionError("failed", `the ${purpose} script${name} of step "${step.title}" ${how} on host ${script.host}${output ? `: ${output}` : ""}`);
}
