/**
 * The human report of `praxis test`: one table row per phase with its time, then every problem as
 * file:line: message (clickable in terminals and editors), what was kept, and a one-line summary.
 */
import { phaseLabel, PHASE_TITLE, type LabTestResult, type PhaseStatus } from "./results";
import type { Locate } from "./locate";

const MARK: Record<PhaseStatus, string> = { passed: "ok", failed: "FAILED", error: "ERROR", skipped: "skipped" };

export function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s` : `${(ms / 1000).toFixed(1)}s`;
}

export function formatReport(results: readonly LabTestResult[], locate: Locate, display: (file: string) => string): string {
  const rows = [["LAB", "STEP", "PHASE", "RESULT", "TIME"]];
  for (const r of results) {
    for (const p of r.phases) rows.push([r.labId, p.step?.id ?? "-", PHASE_TITLE[p.phase], MARK[p.status], p.status === "skipped" ? "-" : seconds(p.durationMs)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const table = rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")).join("\n");

  const details: string[] = [];
  for (const r of results) {
    for (const p of r.phases) {
      for (const problem of p.problems) {
        const { line } = locate(r.labFile, problem.at);
        details.push(`✗ ${phaseLabel(r.labId, p)}\n  ${display(r.labFile)}:${line}: ${problem.message.replace(/\n/g, "\n    ")}`);
      }
    }
    if (r.keptEnvironment) {
      const id = r.keptEnvironment;
      details.push(`kept the environment of ${r.labId}: ${id}\n  look around: praxis env shell ${id}   (praxis env check ${id} runs the checks)\n  remove it:   praxis env down ${id}`);
    }
  }

  const failed = results.filter((r) => !r.passed);
  const problems = results.flatMap((r) => r.phases.flatMap((p) => p.problems)).length;
  const total = seconds(results.reduce((sum, r) => sum + r.durationMs, 0));
  const summary =
    failed.length === 0
      ? `✓ ${plural(results.length, "lab")} passed in ${total}`
      : `✗ ${failed.length} of ${plural(results.length, "lab")} failed (${plural(problems, "problem")}: ${failed.map((r) => r.labId).join(", ")}) in ${total}`;
  return `${table}\n${details.length ? `\n${details.join("\n\n")}\n` : ""}\n${summary}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
