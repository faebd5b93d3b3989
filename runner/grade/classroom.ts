/**
 * `praxis grade --format classroom`: the result in the format GitHub Classroom's autograding reporter
 * reads, so a Classroom workflow can put Praxis in place of its own test runners. The format, as found in
 * the sources (September 2025):
 *   - classroom-resources/autograding-command-grader, src/main.js (generateResult): a runner's output is
 *     base64(JSON.stringify({ version: 1, status, max_score, tests: [{ name, status, score, message,
 *     test_code, filename, line_no, duration }] })), status "pass" | "fail" | "error", duration in ms;
 *   - classroom-resources/autograding-grading-reporter, src/main.js and src/notify-classroom.js: reads
 *     base64 JSON from the env var <RUNNER_ID>_RESULTS for each id in its `runners` input, adds up every
 *     test's `score` against `max_score`, and fails the job when a runner's status is "fail" or "error".
 * One Praxis check is one test; its points are its weight (partial credit through the sum).
 */
import type { GradeResult } from "./grade";

export interface ClassroomTest {
  name: string;
  status: "pass" | "fail" | "error";
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

export interface ClassroomResult {
  version: 1;
  status: "pass" | "fail" | "error";
  max_score: number;
  tests: ClassroomTest[];
}

export function classroomResult(result: GradeResult, file: string, lineOf: (stepIndex: number, checkIndex: number) => number): ClassroomResult {
  return {
    version: 1,
    status: result.checks.every((c) => c.passed) ? "pass" : "fail",
    max_score: result.score.max,
    tests: result.checks.map((c) => ({
      name: `${c.step.id}: ${c.name}`,
      status: c.passed ? "pass" : "fail",
      score: c.points,
      message: c.passed ? `${c.points}/${c.weight} points` : c.message || "failed",
      test_code: `${c.kind} check "${c.name}" of step ${c.step.id}`,
      filename: file,
      line_no: lineOf(c.step.index, c.index),
      duration: c.durationMs,
    })),
  };
}

/** When grading could not run at all: one errored test carrying the reason, and nothing earned. */
export function classroomError(message: string, maxScore: number): ClassroomResult {
  return {
    version: 1,
    status: "error",
    max_score: maxScore,
    tests: [{ name: "praxis grade", status: "error", score: 0, message, test_code: "praxis grade", filename: "", line_no: 0, duration: 0 }],
  };
}

export function encodeClassroom(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), "utf8").toString("base64");
}
