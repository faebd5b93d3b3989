/**
 * The human report of `praxis grade`: what happened to each submission file, each check with the points
 * it earned (and, when it failed, the learner-facing message), then the score.
 */
import type { GradeResult } from "./grade";

export function formatGrade(result: GradeResult): string {
  const lines: string[] = ["Submission"];
  for (const s of result.submission) {
    const mark = s.status === "applied" ? "✓" : "✗";
    lines.push(`  ${mark} ${s.file}: ${s.message.replace(/\n/g, "\n      ")}`);
  }
  lines.push("", "Checks");
  const width = Math.max(...result.checks.map((c) => `${c.points}/${c.weight}`.length));
  for (const c of result.checks) {
    lines.push(`  ${c.passed ? "✓" : "✗"} ${`${c.points}/${c.weight}`.padStart(width)}  ${c.step.id} › ${c.name}`);
    if (!c.passed && c.message) lines.push(...c.message.split("\n").map((l) => `      ${l}`));
  }
  const { earned, max } = result.score;
  const percent = max === 0 ? 100 : Math.round((earned / max) * 100);
  lines.push("", `Score: ${earned}/${max} (${percent}%)`);
  if (result.keptEnvironment) lines.push(`kept the environment: praxis env shell ${result.keptEnvironment}   (remove it: praxis env down ${result.keptEnvironment})`);
  return `${lines.join("\n")}\n`;
}
