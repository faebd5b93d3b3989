/**
 * The catalog view of a lab: the handful of facts a listing needs (CLI `praxis list`, the site's cards),
 * derived in one place so "needs a cluster" and friends mean the same everywhere.
 */
import type { Difficulty, Lab } from "./format/types";

export interface LabSummary {
  id: string;
  title: string;
  summary: string;
  topics: string[];
  difficulty: Difficulty;
  estimatedMinutes: number;
  needsCluster: boolean;
  hosts: string[];
  steps: number;
  dir: string;
}

export function labSummary(lab: Lab): LabSummary {
  const { id, title, summary, topics, difficulty, estimatedMinutes } = lab.metadata;
  return {
    id,
    title,
    summary,
    topics,
    difficulty,
    estimatedMinutes,
    needsCluster: lab.environment.cluster !== undefined,
    hosts: lab.environment.hosts.map((host) => host.name),
    steps: lab.steps.length,
    dir: lab.dir,
  };
}
