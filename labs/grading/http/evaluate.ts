/**
 * Grades one http check attempt. The status comes first (any 2xx unless the check lists codes); when it is
 * wrong, nothing else is reported but a glimpse of the body, which usually says why. Then the body
 * (substrings, patterns, a JSON document containing a partial one) and headers (names in any case; the
 * value must contain the given text, or the header must be absent when the check says null).
 */
import type { HttpExpectation } from "../../format/types-host-checks";
import { excerpt, matchStructured, missingSubstrings, unmatchedPatterns } from "../match/index";
import type { PollAttemptOutcome } from "../poll";
import type { HttpReport, HttpResponse } from "./response";

export function judgeHttp(request: { method: string; url: string }, expect: HttpExpectation, report: HttpReport): PollAttemptOutcome {
  const subject = `${request.method} ${request.url}`;
  if ("error" in report) return { passed: false, message: `${subject}: ${report.error}` };
  const problems = responseProblems(expect, report.response);
  return problems.length === 0 ? { passed: true, message: "" } : { passed: false, message: `${subject}: ${problems.join("; ")}` };
}

function responseProblems(expect: HttpExpectation, response: HttpResponse): string[] {
  const statusOk = expect.status.length === 0 ? response.status >= 200 && response.status < 300 : expect.status.includes(response.status);
  if (!statusOk) {
    const wanted = expect.status.length === 0 ? "a 2xx status" : `status ${orList(expect.status.map(String))}`;
    const body = response.body.trim() === "" ? "" : ` (body: ${excerpt(response.body)})`;
    return [`expected ${wanted}, got ${response.status}${body}`];
  }
  const problems: string[] = [];
  const partly = response.truncated ? " (only the start of the body was read)" : "";
  for (const needle of missingSubstrings(response.body, expect.contains)) {
    problems.push(`the body does not contain ${JSON.stringify(needle)}${partly} (body: ${excerpt(response.body)})`);
  }
  for (const pattern of unmatchedPatterns(response.body, expect.matches)) {
    problems.push(`nothing in the body matches /${pattern}/${partly} (body: ${excerpt(response.body)})`);
  }
  if (expect.json) {
    problems.push(...matchStructured(response.body, { format: "json", ...expect.json }, "body.").map((p) => (p.startsWith("is ") ? `the body ${p}` : p)));
  }
  for (const [name, wanted] of Object.entries(expect.headers)) {
    const values = response.headers.filter(([k]) => k === name.toLowerCase()).map(([, v]) => v);
    if (wanted === null) {
      if (values.length > 0) problems.push(`header ${name}: expected none, got ${JSON.stringify(values[0])}`);
    } else if (values.length === 0) problems.push(`header ${name}: missing`);
    else if (!values.some((v) => v.includes(wanted))) problems.push(`header ${name}: expected it to contain ${JSON.stringify(wanted)}, got ${JSON.stringify(values[0])}`);
  }
  return problems;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
