/**
 * The facts a learner scans first — difficulty, duration, step count, whether a Kubernetes cluster is involved —
 * as a compact row of badges, shared by catalog cards and the lab page header.
 */
import type { Lab } from "../../../labs/index";
import { difficultyLabel, formatMinutes, plural } from "../format";

export function LabBadges({ lab, showSteps = false }: { lab: Lab; showSteps?: boolean }) {
  const { difficulty, estimatedMinutes } = lab.metadata;
  return (
    <ul className="badges" aria-label="Lab facts">
      <li className={`badge badge-${difficulty}`}>
        <span className="sr-only">Difficulty: </span>
        {difficultyLabel(difficulty)}
      </li>
      <li className="badge">
        <span className="sr-only">Estimated time: </span>
        {formatMinutes(estimatedMinutes)}
      </li>
      {showSteps && <li className="badge">{plural(lab.steps.length, "step")}</li>}
      {lab.environment.cluster && <li className="badge badge-kubernetes">Kubernetes</li>}
    </ul>
  );
}
