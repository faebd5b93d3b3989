/**
 * Runs one check script and turns its outcome into what a learner sees. Convention (Instruqt's): the
 * script exits 0 when the task is done; otherwise lines starting with `FAIL:` explain what is missing,
 * and without any, the last line of stderr is the message. Output is capped at 64 KiB so a runaway
 * script cannot flood the database or the browser. A check with `retries` runs a failing script again,
 * for conditions that settle; each run has its own deadline, so the whole check stays bounded.
 */
import type { ContainerRuntime } from "../docker/runtime";
import { sleep } from "../../labs/grading/sleep";
import { runScript } from "./script-exec";

export const CHECK_OUTPUT_CAP = 64 * 1024;

export interface CheckResult {
  passed: boolean;
  exitCode: number;
  message: string;
  output: string;
  durationMs: number;
}

export interface ScriptCheckOptions {
  /** Deadline of one run. */
  timeoutMs: number;
  env?: Record<string, string>;
  /** How many more times a failing script is run (default 0), `intervalMs` apart (default 1 s). */
  retries?: number;
  intervalMs?: number;
}

/** Runs the script until it passes or its retries are used up; the result is the last run's, timed from the first. */
export async function runScriptCheck(runtime: ContainerRuntime, containerId: string, script: string, opts: ScriptCheckOptions): Promise<CheckResult> {
  const started = Date.now();
  let result = await runOnce(runtime, containerId, script, opts);
  for (let retry = 0; retry < (opts.retries ?? 0) && !result.passed; retry++) {
    await sleep(opts.intervalMs ?? 1000);
    result = await runOnce(runtime, containerId, script, opts);
  }
  return { ...result, durationMs: Date.now() - started };
}

async function runOnce(runtime: ContainerRuntime, containerId: string, script: string, opts: ScriptCheckOptions): Promise<CheckResult> {
  const run = await runScript(runtime, containerId, script, { timeoutMs: opts.timeoutMs, env: opts.env, maxOutputBytes: CHECK_OUTPUT_CAP });
  const output = capped(run.stdout + run.stderr);
  if (run.timedOut) {
    const seconds = Math.ceil(opts.timeoutMs / 1000);
    return { passed: false, exitCode: run.exitCode, message: `check timed out after ${seconds}s`, output, durationMs: run.durationMs };
  }
  const passed = run.exitCode === 0;
  return { passed, exitCode: run.exitCode, message: passed ? "" : failureMessage(run.stdout, run.stderr, run.exitCode), output, durationMs: run.durationMs };
}

export function failureMessage(stdout: string, stderr: string, exitCode: number): string {
  const fails = `${stdout}\n${stderr}`
    .split("\n")
    .filter((l) => l.startsWith("FAIL:"))
    .map((l) => l.slice("FAIL:".length).trim());
  if (fails.length > 0) return fails.join("\n");
  const lastErr = stderr.split("\n").map((l) => l.trim()).filter(Boolean).at(-1);
  return lastErr ?? `check failed with exit code ${exitCode}`;
}

function capped(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= CHECK_OUTPUT_CAP ? text : new TextDecoder().decode(bytes.subarray(0, CHECK_OUTPUT_CAP));
}
