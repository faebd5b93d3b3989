/**
 * What `praxis test` finds out about a lab, as plain data: one PhaseResult per thing it did (provision,
 * each step's setup / checks-fail-before-solve / solve / checks-pass-after-solve, teardown), each with its
 * time and the problems it found. Problems point at the part of lab.yaml they are about (a data path),
 * which the reporters turn into file:line for people, JUnit and GitHub annotations.
 */
import type { DataPath } from "../../labs/index";

export type PhaseKind = "provision" | "setup" | "fail-before-solve" | "solve" | "pass-after-solve" | "teardown";

export const PHASE_TITLE: Record<PhaseKind, string> = {
  provision: "provision",
  setup: "setup",
  "fail-before-solve": "checks fail before solve",
  solve: "solve",
  "pass-after-solve": "checks pass after solve",
  teardown: "teardown",
};

/** failed: the lab is wrong; error: something could not be run at all; skipped: not reached. */
export type PhaseStatus = "passed" | "failed" | "error" | "skipped";

export interface Problem {
  message: string;
  /** Where in lab.yaml, e.g. ["steps", 1, "checks", 0]; [] for the lab as a whole. */
  at: DataPath;
}

export interface PhaseResult {
  phase: PhaseKind;
  /** Absent for provision and teardown. */
  step?: { id: string; index: number };
  status: PhaseStatus;
  durationMs: number;
  problems: Problem[];
  /** Why it was skipped. */
  note?: string;
}

export interface LabTestResult {
  labId: string;
  /** Absolute path of the lab's lab.yaml. */
  labFile: string;
  startedAt: Date;
  durationMs: number;
  phases: PhaseResult[];
  passed: boolean;
  /** Set when --keep-on-failure kept the environment of a failed lab. */
  keptEnvironment?: string;
}

/** "first-container › processes › checks fail before solve" */
export function phaseLabel(labId: string, phase: PhaseResult): string {
  return [labId, phase.step?.id, PHASE_TITLE[phase.phase]].filter(Boolean).join(" › ");
}
