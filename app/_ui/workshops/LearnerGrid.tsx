"use client";
/**
 * One lab's grid on the dashboard: a row per learner, a column per step. A cell shows the step's status,
 * failed Check presses and hints used; the row shows the environment's state, time on the current step,
 * the score, and "stuck" highlighting with the reason. Row actions are the caller's (watch, reset, extend).
 */
import type { ReactNode } from "react";
import { clock, STATUS_MARK, type DashboardView, type LearnerView } from "./dashboard-types";

export interface GridProps {
  lab: DashboardView["labs"][number];
  learners: LearnerView[];
  now: number;
  actions(learner: LearnerView): ReactNode;
}

export function LearnerGrid({ lab, learners, now, actions }: GridProps) {
  return (
    <div className="learner-grid-scroll">
      <table className="learner-grid" aria-label={`Progress in ${lab.title}`}>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Environment</th>
            {lab.steps.map((s, i) => (
              <th scope="col" key={s.id} title={s.title}>
                {i + 1}. {s.title}
              </th>
            ))}
            <th scope="col">On step</th>
            <th scope="col">Score</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => {
            const mine = learner.labs.find((l) => l.labId === lab.id);
            return (
              <tr key={learner.id} data-learner={learner.displayName} data-stuck={mine?.stuck ? "true" : undefined} className={mine?.stuck ? "stuck" : undefined}>
                <th scope="row">
                  {learner.displayName}
                  {mine?.stuck ? <span className="stuck-reason"> — stuck: {mine.stuck}</span> : null}
                </th>
                <td data-testid="environment-state">{mine ? mine.state : "not started"}</td>
                {lab.steps.map((s) => {
                  const cell = mine?.steps.find((c) => c.stepId === s.id);
                  const status = cell?.status ?? "locked";
                  return (
                    <td key={s.id} className={`step-cell step-${status}`} data-step={s.id} data-status={status} title={`${s.title}: ${status}`}>
                      <span aria-hidden="true">{STATUS_MARK[status]}</span>
                      <span className="visually-hidden">{status}</span>
                      {cell && cell.failedChecks > 0 ? <span className="cell-count" title="failed checks"> ✗{cell.failedChecks}</span> : null}
                      {cell && cell.hintsUsed > 0 ? <span className="cell-count" title="hints used"> 💡{cell.hintsUsed}</span> : null}
                    </td>
                  );
                })}
                <td>{mine?.currentStepSince && !mine.finished ? clock(now - Date.parse(mine.currentStepSince)) : mine?.finished ? "done" : "—"}</td>
                <td>{mine ? `${mine.score.earned}/${mine.score.max}` : "—"}</td>
                <td>
                  {/* A flex box inside the cell: display:flex on the td itself takes it out of the table's layout. */}
                  <div className="row-actions">{actions(learner)}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
