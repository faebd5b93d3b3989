/**
 * Display helpers for CLI output: paths under the current directory are shown relative to it (short, and
 * still clickable in terminals and editors), everything else stays absolute.
 */
import path from "node:path";
import { formatDiagnostic, type Diagnostic } from "../index";

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

export function displayDiagnostic(d: Diagnostic, cwd: string): string {
  return formatDiagnostic({ ...d, file: displayPath(d.file, cwd) });
}
