/**
 * Converts a validated `grading:` section into the internal Grading: one action per submission file,
 * implied hosts resolved, paths normalised ("./k8s//web.yaml" -> "k8s/web.yaml"), modes parsed. Trusts
 * semantic-grading.ts to have checked that each entry has exactly one action and real hosts.
 */
import { DEFAULTS } from "./defaults";
import type { Grading, SubmissionAction } from "./types";
import { parseMode } from "./units";
import type { WireGrading, WireSubmissionFile } from "./v1alpha1-grading";

export function convertGrading(wire: WireGrading, onlyHost: string | undefined): Grading {
  return { submission: wire.submission.map((entry) => ({ file: normalise(entry.file), action: actionOf(entry, onlyHost) })) };
}

function actionOf(entry: WireSubmissionFile, onlyHost: string | undefined): SubmissionAction {
  const hostOf = (written: string | undefined) => written ?? onlyHost ?? "";
  if (entry.copy) return { kind: "copy", host: hostOf(entry.copy.host), to: entry.copy.to, mode: parseMode(entry.copy.mode ?? DEFAULTS.fileMode)! };
  if (entry.apply) return { kind: "apply", host: hostOf(entry.apply.host), ...(entry.apply.namespace && { namespace: entry.apply.namespace }) };
  if (entry.build) return { kind: "build", host: hostOf(entry.build.host), tag: entry.build.tag, context: normalise(entry.build.context ?? ".") };
  throw new Error(`convertGrading called with an unvalidated entry for ${entry.file}`);
}

/** Forward-slash relative path without empty or "." parts; "." for the submission directory itself. */
function normalise(written: string): string {
  const parts = written.split("/").filter((p) => p !== "" && p !== ".");
  return parts.length === 0 ? "." : parts.join("/");
}
