/**
 * Compares a ContainerState with what a container check expects and lists every difference in the words
 * of lab.yaml (`readOnlyRootfs: expected true, got false`), so the learner sees which setting to change.
 * A value that could not be read is reported as such rather than guessed.
 */
import type { ContainerExpectation } from "../../format/types-host-checks";
import { matchPartial, mismatchesText } from "../match/index";
import { sameImage } from "./image";
import type { ContainerState } from "./observe";

export function containerProblems(expect: ContainerExpectation, state: ContainerState): string[] {
  const problems: string[] = [];
  const unknown = (field: string) => problems.push(`${field}: could not be read`);
  const flag = (field: "running" | "readOnlyRootfs" | "privileged" | "noNewPrivileges") => {
    const wanted = expect[field];
    if (wanted === undefined) return;
    const actual = state[field];
    if (actual === undefined) unknown(field);
    else if (actual !== wanted) problems.push(`${field}: expected ${wanted}, got ${actual}`);
  };

  flag("running");
  if (expect.image !== undefined) {
    if (state.image === undefined) unknown("image");
    else if (!sameImage(expect.image, state.image)) problems.push(`image: expected ${expect.image}, got ${state.image}`);
  }
  if (expect.user !== undefined) {
    const problem = userProblem(expect.user, state);
    if (problem) problems.push(problem);
  }
  if (expect.runAsNonRoot !== undefined) {
    const root = state.uid === undefined ? (state.userName === undefined ? undefined : state.userName === "root") : state.uid === 0;
    if (root === undefined) unknown("runAsNonRoot");
    else if (expect.runAsNonRoot === root) {
      problems.push(expect.runAsNonRoot ? `runAsNonRoot: expected a non-root user, got ${userText(state)}` : `runAsNonRoot: expected root, got ${userText(state)}`);
    }
  }
  flag("readOnlyRootfs");
  flag("privileged");
  flag("noNewPrivileges");
  if (expect.capabilities) {
    if (state.capabilities === undefined) unknown("capabilities");
    else problems.push(...capabilityProblems(expect.capabilities, state.capabilities));
  }
  if (expect.env) {
    if (state.env === undefined) unknown("env");
    else {
      const mismatches = matchPartial(expect.env, state.env);
      if (mismatches.length > 0) problems.push(mismatchesText(mismatches, "env."));
    }
  }
  return problems;
}

function userProblem(expected: string, state: ContainerState): string | undefined {
  if (state.uid === undefined && state.userName === undefined) return "user: could not be read";
  const numeric = /^\d+$/.test(expected);
  if (numeric && state.uid !== undefined) return state.uid === Number(expected) ? undefined : `user: expected ${expected}, got ${userText(state)}`;
  if (!numeric && state.userName !== undefined) return state.userName === expected ? undefined : `user: expected ${expected}, got ${userText(state)}`;
  // Expected a name and only the uid is known (or the other way round): say so instead of guessing.
  return `user: expected ${expected}, got ${userText(state)}${numeric ? "" : " (its name could not be read)"}`;
}

/** "1000", "0 (root)", "101 (nginx)", "nginx" */
function userText(state: ContainerState): string {
  if (state.uid === undefined) return state.userName ?? "unknown";
  return state.userName === undefined ? String(state.uid) : `${state.uid} (${state.userName})`;
}

function capabilityProblems(expected: { add: string[]; drop: string[] }, actual: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = expected.add.filter((c) => !actual.includes(c));
  if (missing.length > 0) problems.push(`capabilities: missing ${missing.join(", ")}`);
  const unwanted = expected.drop.includes("ALL") ? actual.filter((c) => !expected.add.includes(c)) : expected.drop.filter((c) => actual.includes(c));
  if (unwanted.length > 0) {
    if (!expected.drop.includes("ALL")) problems.push(`capabilities: ${unwanted.join(", ")} should be dropped`);
    else if (expected.add.length === 0) problems.push(`capabilities: expected none, got ${unwanted.join(", ")}`);
    else problems.push(`capabilities: expected only ${expected.add.join(", ")}, also has ${unwanted.join(", ")}`);
  }
  return problems;
}
