/**
 * File checks, pure part: the runner's in-host report on a path (report.ts) graded against what the check
 * expects (evaluate.ts). The runner side is runner/checks/file-check.ts.
 */
export { parseFileReport, type FileFacts, type FileReport } from "./report";
export { judgeFile, needsContent } from "./evaluate";
