/**
 * Runs a `file` check in a host: a short sh program stats the path (following symlinks) and, when the check
 * looks at the content, prints its first MiB; labs/grading/file reads and judges that. Needs only `stat`
 * and `head` (coreutils or busybox) in the image.
 */
import { judgeFile, needsContent, parseFileReport } from "../../labs/grading/file/index";
import type { ContainerRuntime } from "../docker/runtime";
import { pollHost } from "./host-check-run";
import type { CheckOutcome, FileCheckRequest } from "./request";
import { SECTION_FUNCTION, shellQuote } from "./shell";

/** Content beyond this is not read: enough for any config file, small enough for the runner's memory. */
export const FILE_CONTENT_CAP = 1024 * 1024;

export function fileProgram(path: string, readContent: boolean): string {
  return [
    SECTION_FUNCTION,
    `p=${shellQuote(path)}`,
    'if [ ! -e "$p" ]; then section stat; echo absent; exit 0; fi',
    "s=$(stat -L -c '%F|%a|%u|%g|%U|%G|%s' -- \"$p\" 2>&1) || { section error; echo \"$s\"; exit 0; }",
    'section stat; echo "$s"',
    readContent ? `if [ -f "$p" ]; then section content; head -c ${FILE_CONTENT_CAP} -- "$p"; fi` : "",
    "",
  ].join("\n");
}

export function runFileCheck(runtime: ContainerRuntime, containerId: string, request: FileCheckRequest, signal?: AbortSignal): Promise<CheckOutcome> {
  const program = fileProgram(request.path, needsContent(request.expect));
  return pollHost(runtime, containerId, { timeoutMs: request.timeoutMs, intervalMs: request.intervalMs, ...(signal && { signal }) }, async (run) => {
    const result = await run(program, { maxOutputBytes: FILE_CONTENT_CAP + 4096 });
    if (result.timedOut) return { passed: false, message: `${request.path}: could not be examined in time` };
    return judgeFile(request.path, request.expect, parseFileReport(result.stdout, FILE_CONTENT_CAP));
  });
}
