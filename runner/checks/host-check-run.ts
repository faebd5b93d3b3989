/**
 * What container, file and http checks share on the runner side: poll (labs/grading/poll) with attempts
 * that each run one small sh program in the host under the time left, never longer. The program's output is
 * handed to the kind's pure reader and judge; the exec itself is killed inside the host by `timeout`
 * (runScript), and poll abandons an attempt that still has not returned shortly after the check's end.
 */
import { poll, type PollAttemptOutcome } from "../../labs/grading/poll";
import type { ContainerRuntime } from "../docker/runtime";
import type { CheckOutcome } from "./request";
import { runScript, type ScriptRun } from "./script-exec";

export interface HostProbe {
  timeoutMs: number;
  intervalMs: number;
  /** Cancels the check, e.g. when the session ends. */
  signal?: AbortSignal;
}

export async function pollHost(
  runtime: ContainerRuntime,
  containerId: string,
  probe: HostProbe,
  attempt: (run: (program: string, opts?: { maxOutputBytes?: number; timeoutMs?: number }) => Promise<ScriptRun>) => Promise<PollAttemptOutcome>,
): Promise<CheckOutcome> {
  const result = await poll(
    (budgetMs) =>
      attempt((program, opts) =>
        runScript(runtime, containerId, program, { timeoutMs: Math.min(budgetMs, opts?.timeoutMs ?? budgetMs), maxOutputBytes: opts?.maxOutputBytes ?? 64 * 1024 }),
      ),
    { timeoutMs: probe.timeoutMs, intervalMs: probe.intervalMs, ...(probe.signal && { signal: probe.signal }) },
  );
  return { passed: result.passed, message: result.message, durationMs: result.durationMs };
}
