/**
 * Cross-field rules of the `grading:` section, run by semantic.ts: every submission entry has exactly one
 * action, names a real host (or the lab has exactly one), `apply` needs a cluster, paths stay inside the
 * submission, and no two entries copy onto the same file. Caught at load time with file:line, so a teacher
 * never learns about them from a student's failed grading run.
 */
import { pathText } from "./finding";
import type { DataPath } from "./positions";
import { field, isRecord, list, text } from "./raw";
import { didYouMean } from "./suggest";

type Report = (path: DataPath, message: string, at?: "key" | "value") => void;

export const SUBMISSION_ACTIONS = ["copy", "apply", "build"] as const;

/** Why a submission path is not acceptable, or undefined when it is fine ("." only where `root` allows it). */
export function submissionPathProblem(written: string, root = false): string | undefined {
  if (written.includes("\\")) return "use forward slashes (/) in paths";
  if (written.startsWith("/")) return "must be relative to the submission directory, not absolute";
  const parts = written.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return "must stay inside the submission directory (no '..')";
  if (parts.length === 0 && !root) return "must name a file or folder inside the submission directory";
  return undefined;
}

/** `hostNames` is undefined when the hosts could not be read (the schema reports why). */
export function checkGrading(grading: unknown, hostNames: string[] | undefined, hasCluster: boolean, report: Report): void {
  if (!isRecord(grading)) return;
  const copies = new Map<string, number>();
  list(grading.submission).forEach((entry, i) => {
    const base: DataPath = ["grading", "submission", i];
    if (!isRecord(entry)) return;
    const file = text(entry.file);
    const fileProblem = file === undefined || file === "" ? undefined : submissionPathProblem(file);
    if (fileProblem) report([...base, "file"], `${pathText([...base, "file"])}: ${fileProblem}`);

    const actions = SUBMISSION_ACTIONS.filter((a) => entry[a] !== undefined);
    if (actions.length === 0) report(base, `${pathText(base)}: needs one of \`copy\`, \`apply\` or \`build\` to say what to do with ${file ?? "the file"}`);
    if (actions.length > 1) report([...base, actions[1]!], `${pathText(base)}: set only one of \`copy\`, \`apply\` and \`build\` (found ${actions.map((a) => `\`${a}\``).join(" and ")})`, "key");
    for (const action of actions) {
      const where: DataPath = [...base, action];
      checkHost(where, field(entry, action), hostNames, report);
      if (action === "apply" && !hasCluster) report(where, `${pathText(where)}: \`apply\` runs kubectl against the lab's cluster; add \`environment.cluster\` to the lab`, "key");
      const context = text(field(entry.build, "context"));
      if (action === "build" && context !== undefined && context !== "") {
        const problem = submissionPathProblem(context, true);
        if (problem) report([...where, "context"], `${pathText([...where, "context"])}: ${problem}`);
      }
      if (action === "copy") {
        const to = text(field(entry.copy, "to"));
        const key = `${text(field(entry.copy, "host")) ?? ""}\0${to}`;
        const first = copies.get(key);
        if (to !== undefined && first !== undefined) report([...where, "to"], `${pathText([...where, "to"])}: ${to} is already written by grading.submission[${first}]`);
        else if (to !== undefined) copies.set(key, i);
      }
    }
  });
}

function checkHost(where: DataPath, action: unknown, hostNames: string[] | undefined, report: Report): void {
  if (!isRecord(action) || hostNames === undefined) return;
  const host = text(action.host);
  if (host === undefined) {
    if (hostNames.length > 1) report(where, `${pathText(where)}: \`host\` is required because the environment has ${hostNames.length} hosts (${hostNames.join(", ")})`, "key");
    return;
  }
  if (!hostNames.includes(host)) {
    report([...where, "host"], `${pathText([...where, "host"])}: unknown host \`${host}\`; hosts are ${hostNames.join(", ")}${didYouMean(host, hostNames)}`);
  }
}
