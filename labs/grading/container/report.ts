/**
 * Reads the report the runner's in-host program prints for a container check (sections, see
 * ../sections.ts) and grades it: `missing` says the container or process is not there (and why), the other
 * sections are the raw sources of observe.ts. One attempt's verdict, with the subject named first:
 * `container app on host box: user: expected 1000, got 0 (root)`.
 */
import type { ContainerExpectation } from "../../format/types-host-checks";
import type { PollAttemptOutcome } from "../poll";
import { parseSections } from "../sections";
import { containerProblems } from "./evaluate";
import { containerState, type ContainerSources } from "./observe";

export interface ContainerReport {
  /** Why there is nothing to inspect ("no process named nginx"), if so. */
  missing?: string;
  sources: ContainerSources;
}

export function parseContainerReport(output: string): ContainerReport {
  const sections = parseSections(output);
  const missing = sections.get("missing")?.trim();
  const sources: ContainerSources = {};
  for (const key of ["inspect", "status", "mounts", "environ", "passwd"] as const) {
    const text = sections.get(key);
    if (text !== undefined) sources[key] = text;
  }
  return { ...(missing !== undefined && { missing: missingText(missing) }), sources };
}

export function judgeContainer(subject: string, expect: ContainerExpectation, report: ContainerReport): PollAttemptOutcome {
  if (report.missing !== undefined) return { passed: false, message: `${subject}: ${report.missing}` };
  const problems = containerProblems(expect, containerState(report.sources));
  return problems.length === 0 ? { passed: true, message: "" } : { passed: false, message: `${subject}: ${problems.join("; ")}` };
}

/** Docker's "Error: No such container: app" says less than "does not exist"; other errors are kept. */
function missingText(raw: string): string {
  if (raw === "" || /No such (?:container|object)/i.test(raw)) return "does not exist";
  return raw.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? raw;
}
