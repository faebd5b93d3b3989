/**
 * The one boundary `praxis test` and `praxis grade` drive: start a lab's environment, run its scripts and
 * checks in it, put files into its hosts, remove it. DockerEnvironments (docker-environments.ts) is the
 * real thing, provisioning through the runner's own steps; FakeEnvironments (fake-environments.ts) keeps a
 * tiny in-memory world so the logic around it (phases, scoring, reports) is tested without Docker.
 */
import type { Check, HostScript, Lab } from "../../labs/index";
import type { CheckOutcome } from "../checks/request";
import type { FileToCopy } from "../docker/runtime";

export interface ScriptOutcome {
  /** -1 when the script timed out before an exit code was known. */
  exitCode: number;
  /** stdout then stderr, capped. */
  output: string;
  timedOut: boolean;
  durationMs: number;
}

/**
 * "once": a single attempt, no polling (a check that must FAIL on an untouched environment, see
 * lab-test.ts for why that is sound); "retry": the check's own timeout and interval, as a learner gets.
 */
export type CheckAttempts = "once" | "retry";

export interface LabEnvironment {
  /** The session id: `praxis env shell <id>` and `praxis env down <id>` accept it. */
  readonly id: string;
  /** Runs a setup or solve script on its host, with the host's environment variables. */
  runScript(script: HostScript): Promise<ScriptOutcome>;
  /** Throws only when the check could not be run at all (no such host, engine gone). */
  runCheck(check: Check, attempts: CheckAttempts): Promise<CheckOutcome>;
  /** Writes files into a host, creating parent directories. */
  copyFiles(host: string, files: FileToCopy[]): Promise<void>;
  /** Removes everything; returns what could not be removed. */
  down(): Promise<string[]>;
}

export interface Environments {
  /** Provisions the lab (its first step's setup included); throws when provisioning fails, after rolling back. */
  up(lab: Lab, progress: (line: string) => void): Promise<LabEnvironment>;
}
