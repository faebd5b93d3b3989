/**
 * The shape every step-action route shares: read the params, run the action as the learner, push the
 * progress it produced to the session's open event streams (so other tabs and the player's own stream
 * agree at once), and answer the action's result as JSON.
 */
import { withLearner } from "../lab-request";
import type { LabSessionDeps } from "../lab-sessions";
import { progressHub } from "./hub-instance";
import type { ProgressView } from "./progress-model";

export type StepParams = { params: Promise<{ id: string; stepId: string }> };

export type StepAction<T extends { progress: ProgressView }> = (deps: LabSessionDeps, learner: string, sessionId: string, stepId: string) => Promise<T>;

export async function runStepAction<T extends { progress: ProgressView }>({ params }: StepParams, action: StepAction<T>): Promise<Response> {
  const { id, stepId } = await params;
  return withLearner(async (deps, learner) => {
    const result = await action(deps, learner, id, stepId);
    progressHub().publish(result.progress);
    return result;
  });
}
