/**
 * Puts one submission file where the lab's `grading.submission` says: `copy` writes it into a host;
 * `apply` stages it in the host and runs `kubectl apply -f` there (hosts of cluster labs have kubectl and a
 * kubeconfig); `build` stages the build context and runs `docker build` in the host. A missing file or a
 * failing command is reported, not thrown: the student still gets the points their other files earn.
 */
import type { HostScript, SubmissionFile } from "../../labs/index";
import type { LabEnvironment, ScriptOutcome } from "../testing/environment";
import type { SubmissionSource } from "./submission";

/** Where submission files are staged inside a host for `apply` and `build`. */
export const STAGING_DIR = "/tmp/praxis-submission";
const APPLY_TIMEOUT_MS = 2 * 60_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;

export interface SubmissionResult {
  file: string;
  action: SubmissionFile["action"]["kind"];
  host: string;
  status: "applied" | "missing" | "failed";
  /** What happened, in a sentence; for failures with the tail of the command's output. */
  message: string;
}

export async function applySubmissionFile(entry: SubmissionFile, env: LabEnvironment, source: SubmissionSource): Promise<SubmissionResult> {
  const { action } = entry;
  const result = (status: SubmissionResult["status"], message: string): SubmissionResult => ({ file: entry.file, action: action.kind, host: action.host, status, message });
  const content = await source.read(entry.file);
  if (content === undefined) return result("missing", `${entry.file} is not in the submission`);

  try {
    if (action.kind === "copy") {
      await env.copyFiles(action.host, [{ path: action.to, content, mode: action.mode }]);
      return result("applied", `copied to ${action.to} on ${action.host}`);
    }
    const staged = `${STAGING_DIR}/${entry.file}`;
    if (action.kind === "apply") {
      await env.copyFiles(action.host, [{ path: staged, content, mode: 0o644 }]);
      const namespace = action.namespace ? ` -n ${quote(action.namespace)}` : "";
      const run = await env.runScript(script(action.host, `kubectl apply -f ${quote(staged)}${namespace}`, APPLY_TIMEOUT_MS));
      return outcome(run, result, `applied to the cluster (kubectl on ${action.host})`, "kubectl apply");
    }
    const context = action.context === "." ? [] : [action.context];
    const files = await source.filesUnder(action.context);
    const staging = await Promise.all(files.map(async (f) => ({ path: `${STAGING_DIR}/${f}`, content: (await source.read(f))!, mode: 0o644 })));
    if (!files.includes(entry.file)) staging.push({ path: staged, content, mode: 0o644 });
    await env.copyFiles(action.host, staging);
    const contextDir = [STAGING_DIR, ...context].join("/");
    const run = await env.runScript(script(action.host, `docker build -t ${quote(action.tag)} -f ${quote(staged)} ${quote(contextDir)}`, BUILD_TIMEOUT_MS));
    return outcome(run, result, `built image ${action.tag} on ${action.host}`, "docker build");
  } catch (error) {
    return result("failed", `could not ${action.kind} ${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function script(host: string, content: string, timeoutMs: number): HostScript {
  return { host, script: { content: `set -e\n${content}\n` }, timeoutMs };
}

function outcome(run: ScriptOutcome, result: (status: SubmissionResult["status"], message: string) => SubmissionResult, done: string, what: string): SubmissionResult {
  if (run.timedOut) return result("failed", `${what} timed out`);
  if (run.exitCode !== 0) {
    const tail = run.output.trimEnd().split("\n").slice(-10).join("\n");
    return result("failed", `${what} exited with ${run.exitCode}${tail ? `:\n${tail}` : ""}`);
  }
  return result("applied", done);
}

/** Single-quotes a word for sh. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
