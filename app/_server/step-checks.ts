/**
 * Server-only: "Check my work" for one step of the learner's own running lab. The lab definition says
 * which checks a step has (scripts on a host, kubernetes assertions on the cluster); the runner runs each
 * one in the learner's environment and says pass or fail with the learner-facing message. Checks run in order and
 * all of them run, so the learner sees every unmet condition at once. Grading and recording progress
 * belong to the lab player (a later issue); this only executes.
 */
import { checkRequest } from "../../runner/checks/request";
import { LabSessionError, type CheckOutcome } from "./runner-client";
import type { LabSessionDeps } from "./lab-sessions";

export interface StepCheckResult {
  name: string;
  passed: boolean;
  message: string;
}

export interface StepCheckReport {
  stepId: string;
  passed: boolean;
  checks: StepCheckResult[];
}

export async function checkStep(deps: LabSessionDeps, userId: string, sessionId: string, stepId: string): Promise<StepCheckReport> {
  const row = await deps.prisma.labSession.findFirst({ where: { id: sessionId, userId }, select: { labId: true } });
  if (!row) throw new LabSessionError("not_found", `no session ${sessionId}`);
  const lab = await deps.loadLab(row.labId);
  const step = lab.steps.find((s) => s.id === stepId);
  if (!step) throw new LabSessionError("not_found", `lab ${row.labId} has no step "${stepId}"`);
  const checks: StepCheckResult[] = [];
  for (const check of step.checks) {
    const outcome: CheckOutcome = await deps.runner.check(sessionId, checkRequest(check));
    checks.push({ name: check.name, passed: outcome.passed, message: outcome.passed ? "" : outcome.message });
  }
  await deps.prisma.labSession.update({ where: { id: sessionId }, data: { lastActivityAt: new Date() } });
  return { stepId, passed: checks.every((c) => c.passed), checks };
}
