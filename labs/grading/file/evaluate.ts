/**
 * Grades one file check attempt: existence first (nothing else can be said about a missing file), then
 * type, mode and owner, then the content (substrings, patterns, YAML/JSON with a partial document). The
 * message starts with the path and names each difference: `/etc/app.yaml: server.port: expected 8080, got 80`.
 */
import type { FileExpectation } from "../../format/types-host-checks";
import { matchStructured, missingSubstrings, unmatchedPatterns } from "../match/index";
import type { PollAttemptOutcome } from "../poll";
import type { FileFacts, FileReport } from "./report";

/** Whether an attempt must read the file's content. */
export function needsContent(expect: FileExpectation): boolean {
  return expect.contains.length > 0 || expect.matches.length > 0 || expect.parsed !== undefined;
}

export function judgeFile(path: string, expect: FileExpectation, report: FileReport): PollAttemptOutcome {
  if ("error" in report) return { passed: false, message: `${path}: ${report.error}` };
  if (!report.exists) return expect.exists ? { passed: false, message: `${path} does not exist` } : { passed: true, message: "" };
  if (!expect.exists) return { passed: false, message: `${path} should not exist, but it does (${typeText(report.type)})` };
  const problems = fileProblems(expect, report);
  return problems.length === 0 ? { passed: true, message: "" } : { passed: false, message: `${path}: ${problems.join("; ")}` };
}

function fileProblems(expect: FileExpectation, facts: FileFacts): string[] {
  const problems: string[] = [];
  if (expect.type !== undefined && facts.type !== expect.type) {
    problems.push(`expected ${typeText(expect.type)}, got ${typeText(facts.type)}`);
  }
  if (expect.mode !== undefined && (facts.mode & 0o7777) !== expect.mode) {
    problems.push(`mode: expected ${octal(expect.mode)}, got ${octal(facts.mode & 0o7777)}`);
  }
  if (expect.owner) {
    const problem = ownerProblem(expect.owner, facts);
    if (problem) problems.push(problem);
  }
  if (!needsContent(expect)) return problems;
  if (facts.type !== "file") return [...problems, `is ${typeText(facts.type)}, so its content cannot be checked`];
  const content = facts.content ?? "";
  const partly = facts.truncated ? " (only the start of this large file was read)" : "";
  for (const needle of missingSubstrings(content, expect.contains)) problems.push(`does not contain ${JSON.stringify(needle)}${partly}`);
  for (const pattern of unmatchedPatterns(content, expect.matches)) problems.push(`nothing matches /${pattern}/${partly}`);
  if (expect.parsed) {
    if (facts.truncated) problems.push(`is too large (${sizeText(facts.size)}) to read as ${expect.parsed.format.toUpperCase()}`);
    else problems.push(...matchStructured(content, expect.parsed));
  }
  return problems;
}

function ownerProblem(expected: { user?: string; group?: string }, facts: FileFacts): string | undefined {
  const same = (want: string | undefined, id: number, name: string | undefined) => want === undefined || want === String(id) || want === name;
  if (same(expected.user, facts.uid, facts.user) && same(expected.group, facts.gid, facts.group)) return undefined;
  const want = `${expected.user ?? ""}${expected.group !== undefined ? `:${expected.group}` : ""}`;
  const got = `${facts.user ?? facts.uid}${expected.group !== undefined ? `:${facts.group ?? facts.gid}` : ""}`;
  return `owner: expected ${want}, got ${got}`;
}

function typeText(type: string): string {
  if (type === "file") return "a regular file";
  if (type === "directory") return "a directory";
  return `a ${type}`;
}

const octal = (mode: number) => mode.toString(8).padStart(4, "0");

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : bytes >= 1024 ? `${Math.floor(bytes / 1024)} KiB` : `${bytes} bytes`;
}
