/**
 * Workshop results for export, pure: one row per learner × lab (name, lab, steps passed of total,
 * Check attempts, hints used, score, minutes spent), as JSON rows or as CSV that spreadsheets open
 * cleanly (RFC 4180 quoting, and a leading ' on cells a spreadsheet would run as a formula).
 */
import type { DashboardView } from "./dashboard-view";

export interface ResultRow {
  learner: string;
  lab: string;
  stepsPassed: number;
  stepsTotal: number;
  attempts: number;
  hintsUsed: number;
  score: number;
  scoreMax: number;
  minutes: number;
  finished: boolean;
}

export function resultRows(view: DashboardView, now: Date): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const learner of view.learners) {
    for (const lab of learner.labs) {
      const end = lab.finishedAt ? Date.parse(lab.finishedAt) : Math.min(now.getTime(), Date.parse(lab.expiresAt));
      rows.push({
        learner: learner.displayName,
        lab: lab.labId,
        stepsPassed: lab.steps.filter((s) => s.status === "passed").length,
        stepsTotal: lab.steps.length,
        attempts: lab.steps.reduce((n, s) => n + s.attempts, 0),
        hintsUsed: lab.steps.reduce((n, s) => n + s.hintsUsed, 0),
        score: lab.score.earned,
        scoreMax: lab.score.max,
        minutes: Math.max(0, Math.round((end - Date.parse(lab.startedAt)) / 60_000)),
        finished: lab.finished,
      });
    }
  }
  return rows;
}

const COLUMNS: Array<keyof ResultRow> = ["learner", "lab", "stepsPassed", "stepsTotal", "attempts", "hintsUsed", "score", "scoreMax", "minutes", "finished"];

function cell(value: string | number | boolean): string {
  let text = String(value);
  // A display name like =HYPERLINK(...) must stay text in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ResultRow[]): string {
  return [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}
