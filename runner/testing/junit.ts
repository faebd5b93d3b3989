/**
 * JUnit XML for `praxis test --junit <file>`, the format CI systems (GitHub test reporters, GitLab, Jenkins)
 * read: one <testsuite> per lab, one <testcase> per phase (provision, each step's setup / checks fail before
 * solve / solve / checks pass after solve, teardown). A lab bug is a <failure>, something that could not be
 * run an <error>, a phase never reached <skipped>. Check output may hold terminal escapes, which XML 1.0
 * cannot carry, so control characters are dropped.
 */
import { PHASE_TITLE, type LabTestResult, type PhaseResult } from "./results";
import type { Locate } from "./locate";

export function junitXml(results: readonly LabTestResult[], locate: Locate, display: (file: string) => string): string {
  const count = (r: LabTestResult, status: PhaseResult["status"]) => r.phases.filter((p) => p.status === status).length;
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 };
  const suites = results.map((r) => {
    const s = { tests: r.phases.length, failures: count(r, "failed"), errors: count(r, "error"), skipped: count(r, "skipped"), time: r.durationMs };
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
    const file = display(r.labFile);
    const cases = r.phases.map((p) => testcase(r, p, file, locate)).join("");
    return `  <testsuite name="${esc(r.labId)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${secs(s.time)}" timestamp="${r.startedAt.toISOString().slice(0, 19)}" file="${esc(file)}">\n${cases}  </testsuite>\n`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="praxis test" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${secs(totals.time)}">\n` +
    suites.join("") +
    `</testsuites>\n`
  );
}

function testcase(r: LabTestResult, p: PhaseResult, file: string, locate: Locate): string {
  const name = [p.step?.id, PHASE_TITLE[p.phase]].filter(Boolean).join(" › ");
  const at = p.problems[0]?.at ?? (p.step ? ["steps", p.step.index] : p.phase === "provision" ? ["environment"] : []);
  const line = locate(r.labFile, at).line;
  const open = `    <testcase name="${esc(name)}" classname="${esc(r.labId)}" time="${secs(p.durationMs)}" file="${esc(file)}" line="${line}"`;
  if (p.status === "passed") return `${open}/>\n`;
  if (p.status === "skipped") return `${open}>\n      <skipped message="${esc(p.note ?? "skipped")}"/>\n    </testcase>\n`;
  const tag = p.status === "failed" ? "failure" : "error";
  const body = p.problems.map((problem) => `${file}:${locate(r.labFile, problem.at).line}: ${problem.message}`).join("\n\n");
  const first = p.problems[0]?.message.split("\n")[0] ?? p.status;
  return `${open}>\n      <${tag} message="${esc(first)}" type="${p.phase}">${esc(body)}</${tag}>\n    </testcase>\n`;
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes for attribute and text content alike, dropping characters XML 1.0 does not allow. */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
